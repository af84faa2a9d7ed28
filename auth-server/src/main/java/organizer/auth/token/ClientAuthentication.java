package organizer.auth.token;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import organizer.auth.tenant.Client;
import organizer.auth.tenant.Ids;
import organizer.auth.tenant.TenantStore;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/**
 * Authenticates the client at the token and revocation endpoints: {@code client_secret_basic} (RFC 6749 §2.3.1,
 * form-url-encoded id and secret), {@code client_secret_post}, or a public client's bare {@code client_id}.
 */
public final class ClientAuthentication {
    private final TenantStore tenant;

    public ClientAuthentication(TenantStore tenant) {
        this.tenant = tenant;
    }

    public Client authenticate(HttpServletRequest req, Map<String, String> params) {
        var clientId = params.get("client_id");
        var secret = params.get("client_secret");
        var header = req.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (secret != null) {
                throw new OAuthException(OAuthError.invalidRequest("Use only one client authentication method"));
            }
            var pair = decodeBasic(header.substring(6).trim());
            if (clientId != null && !clientId.equals(pair[0])) {
                throw new OAuthException(OAuthError.invalidRequest("client_id does not match the Authorization header"));
            }
            clientId = pair[0];
            secret = pair[1];
        }
        if (clientId == null || clientId.isEmpty()) {
            throw new OAuthException(OAuthError.invalidRequest("Missing required parameter: client_id"));
        }
        var client = tenant.client(clientId)
                .orElseThrow(() -> new OAuthException(OAuthError.invalidClient("Unknown client")));
        if (client.isPublic()) {
            if (secret != null) {
                throw new OAuthException(OAuthError.invalidClient("Client authentication failed"));
            }
            return client;
        }
        if (secret == null || !Ids.same(secret, client.clientSecret())) {
            throw new OAuthException(OAuthError.invalidClient("Client authentication failed"));
        }
        return client;
    }

    private static String[] decodeBasic(String value) {
        try {
            var decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException();
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthError.invalidClient("Malformed Basic authorization header"));
        }
    }
}
