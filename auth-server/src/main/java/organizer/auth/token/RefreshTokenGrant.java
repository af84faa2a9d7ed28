package organizer.auth.token;

import java.util.Map;
import organizer.auth.tenant.Client;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code refresh_token} with rotation; a {@code scope} may narrow, never widen, what was granted. */
final class RefreshTokenGrant implements Grant {
    private static final Logger log = LoggerFactory.getLogger(RefreshTokenGrant.class);

    private final RefreshTokens refreshTokens;
    private final UserTokens tokens;

    RefreshTokenGrant(RefreshTokens refreshTokens, UserTokens tokens) {
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
    }

    @Override
    public Map<String, Object> issue(Map<String, String> params, Client client) {
        if (!client.allowsGrant("refresh_token")) {
            throw new OAuthException(OAuthError.unauthorizedClient(
                    "Grant type 'refresh_token' not allowed for the client."));
        }
        var requested = params.containsKey("scope") ? ScopeList.parse(params.get("scope")) : null;
        var use = refreshTokens.rotate(params.get("refresh_token"), client.clientId(), stored -> {
            if (requested != null && !ScopeList.parse(stored.scope()).containsAll(requested)) {
                throw new OAuthException(OAuthError.invalidScope("The scope may not exceed the scope originally granted"));
            }
        });
        if (use instanceof RefreshTokens.Refused refused) {
            log.info("Refresh token refused for client {}: {}", client.clientId(), refused.why());
            throw new OAuthException(OAuthError.invalidGrant("Unknown or invalid refresh token."));
        }
        var rotated = (RefreshTokens.Rotated) use;
        var grant = rotated.grant();
        var scope = grant.scope();
        if (requested != null) {
            scope = String.join(" ", requested);
        }
        var auth = tokens.restore(client, grant.userId(), grant.audience(), scope, null, grant.sid(), grant.authTime());
        return tokens.respond(auth, rotated.newToken());
    }
}
