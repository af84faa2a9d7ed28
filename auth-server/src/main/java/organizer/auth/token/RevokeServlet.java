package organizer.auth.token;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import organizer.auth.tenant.TenantStore;
import organizer.auth.web.JsonResponses;
import organizer.auth.web.Params;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/**
 * {@code POST /oauth/revoke} (RFC 7009): revokes a refresh token and its rotation family. Access tokens are
 * self-contained JWTs and expire on their own. An unknown token is answered 200, as the RFC asks.
 */
public final class RevokeServlet extends HttpServlet {
    private final ClientAuthentication clients;
    private final RefreshTokens refreshTokens;

    public RevokeServlet(TenantStore tenant, RefreshTokens refreshTokens) {
        this.clients = new ClientAuthentication(tenant);
        this.refreshTokens = refreshTokens;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            var params = Params.body(req);
            var client = clients.authenticate(req, params);
            var token = params.get("token");
            if (token == null || token.isEmpty()) {
                throw new OAuthException(OAuthError.invalidRequest("Missing required parameter: token"));
            }
            refreshTokens.revoke(token, client.clientId());
            resp.setStatus(200);
            resp.setHeader("Cache-Control", "no-store");
        } catch (OAuthException e) {
            JsonResponses.error(resp, e.error());
        }
    }
}
