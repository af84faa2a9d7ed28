package organizer.common.token;

import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Instant;
import java.util.Set;

/**
 * A JWT whose signature, issuer, audience and lifetime have been checked.
 *
 * @param subject   {@code sub}: {@code auth0|…} for a user, {@code <client_id>@clients} for a machine
 * @param scopes    the {@code scope} claim split on spaces (exact membership, never substring)
 * @param azp       {@code azp}: the client the token was issued to (may be null)
 * @param expiresAt {@code exp}
 * @param jwt       all claims, for callers that need more (ID tokens: nonce, at_hash, profile)
 */
public record VerifiedToken(String subject, Set<String> scopes, String azp, Instant expiresAt, DecodedJWT jwt) {

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
