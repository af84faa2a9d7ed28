package organizer.auth.authorize;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import organizer.auth.session.Sessions;
import organizer.auth.tenant.UserStore;
import organizer.auth.web.Cookies;
import organizer.auth.web.Html;
import organizer.auth.web.Params;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/** {@code /u/consent}: shows the requested permissions; Accept remembers the grant, Decline answers {@code access_denied}. */
final class ConsentServlet extends HttpServlet {
    private final UserStore users;
    private final Sessions sessions;
    private final AuthorizeFlow flow;

    ConsentServlet(UserStore users, Sessions sessions, AuthorizeFlow flow) {
        this.users = users;
        this.sessions = sessions;
        this.flow = flow;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var p = pending(req, req.getParameter("state"));
        var user = p.flatMap(x -> users.byId(x.userId()));
        if (p.isEmpty() || user.isEmpty()) {
            LoginServlet.expired(resp);
            return;
        }
        ConsentPage.render(resp, p.get(), user.get());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, String> form;
        try {
            form = Params.of(req);
        } catch (OAuthException e) {
            Html.error(resp, 400, e.error().error(), e.error().description());
            return;
        }
        var found = pending(req, form.get("state"));
        var user = found.flatMap(x -> users.byId(x.userId()));
        if (found.isEmpty() || user.isEmpty()) {
            LoginServlet.expired(resp);
            return;
        }
        var p = found.get();
        if (!LoginServlet.csrfMatches(form, p, resp)) {
            return;
        }
        if ("accept".equals(form.get("action"))) {
            users.addGrant(p.userId(), p.client().clientId(), p.grantAudience(flow.userinfoAudience()), p.scopes());
            flow.complete(resp, p, user.get());
        } else {
            flow.fail(resp, p, OAuthError.accessDenied("User did not authorize the request"));
        }
    }

    /** The pending request, only while the browser's SSO session is still the one that logged in for it. */
    private Optional<Pending> pending(HttpServletRequest req, String tx) {
        var p = flow.pending().get(tx, Cookies.read(req, AuthorizeServlet.DEVICE_COOKIE));
        if (p.isEmpty() || p.get().userId() == null) {
            return Optional.empty();
        }
        var session = sessions.current(req);
        if (session.isEmpty() || !session.get().sid().equals(p.get().sid())) {
            return Optional.empty();
        }
        return p;
    }
}
