package organizer.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import organizer.auth.db.Jdbc;
import organizer.auth.tenant.Ids;

/**
 * Rotating refresh tokens (Auth0's "refresh token rotation"): each use returns a new token of the same family and
 * retires the old one; presenting a retired token again means it leaked, so the whole family is revoked. The family
 * keeps the absolute lifetime of its first token. Only SHA-256 hashes are stored.
 */
public final class RefreshTokens {
    /** Auth0's default absolute lifetime with rotation. */
    public static final Duration LIFETIME = Duration.ofSeconds(2592000);

    /** A live token's grant. */
    public record Stored(String familyId, String clientId, String userId, String audience, String scope, String sid,
                         Instant authTime, Instant expiresAt) {
    }

    /** The outcome of presenting a refresh token. */
    public sealed interface Use permits Rotated, Refused {
    }

    public record Rotated(Stored grant, String newToken) implements Use {
    }

    /** Unknown, expired, revoked or reused (then the family was revoked); the client learns only "invalid". */
    public record Refused(String why) implements Use {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public RefreshTokens(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts a family; returns the token. */
    public String issue(String familyId, UserAuthorization auth) {
        var now = clock.instant();
        return insert(new Stored(familyId, auth.client().clientId(), auth.user().userId(),
                auth.api() == null ? null : auth.api().identifier(), organizer.common.domain.Scopes.format(auth.scopes()),
                auth.sid(), auth.authTime(), now.plus(LIFETIME)));
    }

    public Use rotate(String token, String clientId, java.util.function.Consumer<Stored> check) {
        if (token == null || token.length() > 100) {
            return new Refused("unknown");
        }
        var hash = Ids.sha256(token);
        var row = jdbc.one("SELECT family_id, client_id, user_id, audience, scope, sid, auth_time, expires_at, "
                + "rotated_at, revoked_at FROM refresh_tokens WHERE token_hash = ?", r -> {
                    var stored = new Stored(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), Instant.ofEpochSecond(r.getLong(7)),
                            Instant.ofEpochSecond(r.getLong(8)));
                    r.getLong(9);
                    boolean rotated = !r.wasNull();
                    r.getLong(10);
                    boolean revoked = !r.wasNull();
                    return new Object[] {stored, rotated, revoked};
                }, hash);
        if (row.isEmpty()) {
            return new Refused("unknown");
        }
        var stored = (Stored) row.get()[0];
        if (!stored.clientId().equals(clientId)) {
            return new Refused("issued to another client");
        }
        if ((Boolean) row.get()[2]) {
            return new Refused("revoked");
        }
        var now = clock.instant();
        if (!(Boolean) row.get()[1]) {
            check.accept(stored); // may refuse the request before anything changes
        }
        if ((Boolean) row.get()[1]
                || jdbc.update("UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL",
                        now.getEpochSecond(), hash) == 0) {
            revokeFamily(stored.familyId());
            return new Refused("reused");
        }
        if (!now.isBefore(stored.expiresAt())) {
            return new Refused("expired");
        }
        return new Rotated(stored, insert(stored));
    }

    public void revokeFamily(String familyId) {
        jdbc.update("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                clock.instant().getEpochSecond(), familyId);
    }

    /** RFC 7009 for a refresh token of this client: revokes its family. False when it is not one of the client's. */
    public boolean revoke(String token, String clientId) {
        if (token == null || token.length() > 100) {
            return false;
        }
        var family = jdbc.one("SELECT family_id FROM refresh_tokens WHERE token_hash = ? AND client_id = ?",
                r -> r.getString(1), Ids.sha256(token), clientId);
        family.ifPresent(this::revokeFamily);
        return family.isPresent();
    }

    private String insert(Stored grant) {
        var token = Ids.secret();
        jdbc.update("INSERT INTO refresh_tokens (token_hash, family_id, client_id, user_id, audience, scope, sid, "
                        + "auth_time, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Ids.sha256(token), grant.familyId(), grant.clientId(), grant.userId(), grant.audience(), grant.scope(),
                grant.sid(), grant.authTime().getEpochSecond(), clock.instant().getEpochSecond(),
                grant.expiresAt().getEpochSecond());
        return token;
    }
}
