package organizer.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import organizer.auth.db.Jdbc;
import organizer.auth.tenant.Ids;
import organizer.common.domain.Scopes;

/**
 * Authorization codes: 256 random bits handed to the client, only their SHA-256 stored; valid 60 seconds and
 * redeemable once. A second redemption is an attack signal: it fails and revokes what the first one issued.
 */
public final class AuthorizationCodes {
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    /** A stored code, as it was issued at {@code /authorize}. */
    public record Code(String clientId, String userId, String redirectUri, String audience, String scope,
                       String nonce, String codeChallenge, String sid, Instant authTime, Instant expiresAt) {
    }

    /** The outcome of a redemption. */
    public sealed interface Redemption permits Redeemed, Replayed, Unknown {
    }

    public record Redeemed(String codeHash, Code code) implements Redemption {
    }

    public record Replayed() implements Redemption {
    }

    public record Unknown() implements Redemption {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public AuthorizationCodes(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String issue(UserAuthorization auth, String redirectUri, String codeChallenge) {
        var code = Ids.secret();
        var now = clock.instant();
        jdbc.update("INSERT INTO authorization_codes (code_hash, client_id, user_id, redirect_uri, audience, scope, "
                        + "nonce, code_challenge, sid, auth_time, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Ids.sha256(code), auth.client().clientId(), auth.user().userId(), redirectUri,
                auth.api() == null ? null : auth.api().identifier(), Scopes.format(auth.scopes()), auth.nonce(),
                codeChallenge, auth.sid(), auth.authTime().getEpochSecond(), now.plus(LIFETIME).getEpochSecond());
        return code;
    }

    /** Marks the code used (atomically: of two concurrent redemptions only one wins) and returns what it carried. */
    public Redemption redeem(String code) {
        if (code == null || code.length() > 100) {
            return new Unknown();
        }
        var hash = Ids.sha256(code);
        var now = clock.instant().getEpochSecond();
        if (jdbc.update("UPDATE authorization_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL", now, hash) == 0) {
            var family = jdbc.one("SELECT family_id FROM authorization_codes WHERE code_hash = ?",
                    r -> Optional.ofNullable(r.getString(1)), hash);
            if (family.isEmpty()) {
                return new Unknown();
            }
            family.get().ifPresent(f -> jdbc.update(
                    "UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL", now, f));
            return new Replayed();
        }
        var stored = jdbc.one("SELECT client_id, user_id, redirect_uri, audience, scope, nonce, code_challenge, sid, "
                + "auth_time, expires_at FROM authorization_codes WHERE code_hash = ?", r -> new Code(r.getString(1),
                r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                r.getString(8), Instant.ofEpochSecond(r.getLong(9)), Instant.ofEpochSecond(r.getLong(10))), hash);
        return new Redeemed(hash, stored.orElseThrow());
    }

    /** Links a redeemed code to the refresh-token family it started, so that a replay can revoke it. */
    public void linkFamily(String codeHash, String familyId) {
        jdbc.update("UPDATE authorization_codes SET family_id = ? WHERE code_hash = ?", familyId, codeHash);
    }

    /** Forgets codes that expired more than a day ago (replay detection needs them for a while). */
    public void purge() {
        jdbc.update("DELETE FROM authorization_codes WHERE expires_at < ?",
                clock.instant().minus(Duration.ofDays(1)).getEpochSecond());
    }
}
