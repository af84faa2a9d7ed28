package organizer.auth.token;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import organizer.auth.tenant.TenantStore;
import organizer.auth.tenant.UserStore;
import organizer.auth.web.JsonResponses;
import organizer.auth.web.Params;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /oauth/token}: authenticates the client, then hands the request to its {@code grant_type}. */
public final class TokenServlet extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(TokenServlet.class);

    private final ClientAuthentication clients;
    private final Map<String, Grant> grants;

    public TokenServlet(TenantStore tenant, UserStore users, TokenIssuer issuer, AuthorizationCodes codes,
                        RefreshTokens refreshTokens, Clock clock) {
        this.clients = new ClientAuthentication(tenant);
        var userTokens = new UserTokens(tenant, users, issuer);
        this.grants = Map.of(
                "client_credentials", new ClientCredentialsGrant(tenant, issuer),
                "authorization_code", new AuthorizationCodeGrant(codes, refreshTokens, userTokens, clock),
                "refresh_token", new RefreshTokenGrant(refreshTokens, userTokens));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            var params = Params.body(req);
            var grantType = params.get("grant_type");
            if (grantType == null) {
                throw new OAuthException(OAuthError.invalidRequest("Missing required parameter: grant_type"));
            }
            var grant = grants.get(grantType);
            if (grant == null) {
                throw new OAuthException(OAuthError.unsupportedGrantType("Unsupported grant type: "
                        + grantType.replaceAll("[^A-Za-z0-9_:.-]", "?")));
            }
            var client = clients.authenticate(req, params);
            JsonResponses.send(resp, 200, grant.issue(params, client));
            log.debug("Token issued: grant {} client {}", grantType, client.clientId());
        } catch (OAuthException e) {
            log.debug("Token request refused: {}", e.error().error());
            JsonResponses.error(resp, e.error());
        } catch (VerbatimError e) {
            log.debug("Token request refused: {}", e.error.error());
            JsonResponses.send(resp, e.error.status(), Map.of("error", e.error.error(),
                    "error_description", e.description));
        }
    }
}
