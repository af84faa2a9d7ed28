package organizer.auth.session;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import organizer.auth.tenant.TenantStore;
import organizer.auth.web.Html;

/**
 * {@code GET /v2/logout?client_id=…&returnTo=…}: ends the SSO session, then redirects to {@code returnTo} only when
 * it is exactly one of the client's {@code allowed_logout_urls} (without {@code client_id}: the tenant's), never
 * anywhere else (no open redirect). Without {@code returnTo}: the client's first allowed URL, else a page.
 */
public final class LogoutServlet extends HttpServlet {
    private final TenantStore tenant;
    private final Sessions sessions;

    public LogoutServlet(TenantStore tenant, Sessions sessions) {
        this.tenant = tenant;
        this.sessions = sessions;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var clientId = req.getParameter("client_id");
        var returnTo = req.getParameter("returnTo");
        var client = tenant.client(clientId);
        if (clientId != null && client.isEmpty()) {
            Html.error(resp, 400, "invalid_request", "Unknown client: " + clientId);
            return;
        }
        var allowed = client.map(c -> c.allowedLogoutUrls()).orElse(tenant.settings().allowedLogoutUrls());
        if (returnTo != null && !allowed.contains(returnTo)) {
            Html.error(resp, 400, "invalid_request", "The \"returnTo\" querystring parameter \"" + returnTo
                    + "\" is not defined as a valid URL in \"Allowed Logout URLs\".");
            return;
        }
        sessions.end(req, resp);
        var target = returnTo != null ? returnTo : allowed.stream().findFirst().orElse(null);
        if (target == null) {
            Html.send(resp, 200, "Logged out", "<div class=\"logo\">O</div><h1 id=\"logged-out\">You are logged out</h1>"
                    + "<p class=\"sub\">You can close this window.</p>");
            return;
        }
        resp.setStatus(302);
        resp.setHeader("Location", target);
        resp.setHeader("Cache-Control", "no-store");
    }
}
