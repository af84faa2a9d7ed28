package organizer.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import organizer.auth.tenant.Client;
import organizer.auth.tenant.TenantStore;
import organizer.auth.tenant.UserStore;
import organizer.common.domain.Scopes;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/** The back-channel answer for a user's grant (code or refresh): access token, ID token with {@code openid}. */
final class UserTokens {
    private final TenantStore tenant;
    private final UserStore users;
    private final TokenIssuer issuer;

    UserTokens(TenantStore tenant, UserStore users, TokenIssuer issuer) {
        this.tenant = tenant;
        this.users = users;
        this.issuer = issuer;
    }

    /** Rebuilds a stored authorization; the user and API must still exist and the user must not be blocked. */
    UserAuthorization restore(Client client, String userId, String audience, String scope, String nonce, String sid,
                              Instant authTime) {
        var user = users.byId(userId).filter(u -> !u.isBlocked())
                .orElseThrow(() -> new OAuthException(OAuthError.invalidGrant("The user no longer exists or is blocked")));
        var api = audience == null ? null : tenant.resourceServer(audience)
                .orElseThrow(() -> new OAuthException(OAuthError.invalidGrant("Service not found: " + audience)));
        return new UserAuthorization(client, user, api, ScopeList.parse(scope), nonce, sid, authTime);
    }

    Map<String, Object> respond(UserAuthorization auth, String refreshToken) {
        var lifetime = auth.api() == null ? 86400 : auth.api().tokenLifetime();
        var accessToken = issuer.userAccessToken(auth, Duration.ofSeconds(lifetime));
        var body = new LinkedHashMap<String, Object>();
        body.put("access_token", accessToken);
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        if (auth.has("openid")) {
            body.put("id_token", issuer.idToken(auth, accessToken, null));
        }
        body.put("scope", Scopes.format(auth.scopes()));
        body.put("expires_in", lifetime);
        body.put("token_type", "Bearer");
        return body;
    }
}
