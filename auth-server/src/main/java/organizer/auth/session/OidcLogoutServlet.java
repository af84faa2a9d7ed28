package organizer.auth.session;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import organizer.auth.tenant.TenantStore;
import organizer.auth.token.LocalTokenVerifier;
import organizer.auth.web.Html;

/**
 * {@code GET /oidc/logout} (OIDC RP-initiated logout): {@code id_token_hint} (one of our ID tokens, possibly expired)
 * or {@code client_id} names the client; {@code post_logout_redirect_uri} must be one of its
 * {@code allowed_logout_urls}; {@code state} is passed back.
 */
public final class OidcLogoutServlet extends HttpServlet {
    private final TenantStore tenant;
    private final Sessions sessions;
    private final LocalTokenVerifier verifier;

    public OidcLogoutServlet(TenantStore tenant, Sessions sessions, LocalTokenVerifier verifier) {
        this.tenant = tenant;
        this.sessions = sessions;
        this.verifier = verifier;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var clientId = req.getParameter("client_id");
        var hint = req.getParameter("id_token_hint");
        if (hint != null) {
            var jwt = verifier.verifyIgnoringExpiry(hint);
            if (jwt.isEmpty() || jwt.get().getAudience() == null || jwt.get().getAudience().isEmpty()) {
                Html.error(resp, 400, "invalid_request", "The id_token_hint is not a valid ID token of this server.");
                return;
            }
            var audience = jwt.get().getAudience().get(0);
            if (clientId != null && !clientId.equals(audience)) {
                Html.error(resp, 400, "invalid_request", "The client_id does not match the id_token_hint.");
                return;
            }
            clientId = audience;
        }
        var redirect = req.getParameter("post_logout_redirect_uri");
        var client = tenant.client(clientId);
        if (redirect != null && (client.isEmpty() || !client.get().allowedLogoutUrls().contains(redirect))) {
            Html.error(resp, 400, "invalid_request", "The post_logout_redirect_uri \"" + redirect
                    + "\" is not in the client's Allowed Logout URLs.");
            return;
        }
        sessions.end(req, resp);
        if (redirect == null) {
            Html.send(resp, 200, "Logged out", "<div class=\"logo\">O</div><h1 id=\"logged-out\">You are logged out</h1>"
                    + "<p class=\"sub\">You can close this window.</p>");
            return;
        }
        var state = req.getParameter("state");
        resp.setStatus(302);
        resp.setHeader("Location", state == null ? redirect : redirect + (redirect.contains("?") ? "&" : "?")
                + "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        resp.setHeader("Cache-Control", "no-store");
    }
}
