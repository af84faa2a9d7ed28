package organizer.auth.authorize;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import organizer.auth.session.Sessions;
import organizer.auth.tenant.Ids;
import organizer.auth.tenant.Passwords;
import organizer.auth.tenant.TenantFile;
import organizer.auth.tenant.UserStore;
import organizer.auth.web.Cookies;
import organizer.auth.web.Html;
import organizer.auth.web.Params;
import organizer.common.oauth.OAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /u/login} and {@code /u/signup}: GET shows the form of a pending request, POST checks the CSRF token
 * (bound to the transaction, which is bound to the browser's cookie) and the credentials, counts failures per
 * (IP, email), starts the SSO session and continues the flow.
 */
final class LoginServlet extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(LoginServlet.class);

    private final UserStore users;
    private final Sessions sessions;
    private final AuthorizeFlow flow;
    private final BruteForceGuard guard;
    private final boolean signup;

    LoginServlet(UserStore users, Sessions sessions, AuthorizeFlow flow, BruteForceGuard guard, boolean signup) {
        this.users = users;
        this.sessions = sessions;
        this.flow = flow;
        this.guard = guard;
        this.signup = signup;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var p = pending(req, req.getParameter("state"));
        if (p.isEmpty()) {
            expired(resp);
            return;
        }
        LoginPage.render(resp, 200, p.get(), signup, p.get().request().loginHint(), null, null);
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
        if (found.isEmpty()) {
            expired(resp);
            return;
        }
        var p = found.get();
        if (!csrfMatches(form, p, resp)) {
            return;
        }
        var email = form.getOrDefault("email", "").strip();
        var password = form.getOrDefault("password", "");
        var ip = Params.clientIp(req);
        if (guard.blocked(ip, email)) {
            LoginPage.render(resp, 429, p, signup, email, "too_many_attempts",
                    "Your account has been blocked after multiple consecutive login attempts. Try again later.");
            return;
        }
        var user = signup ? signUp(resp, p, email, password) : logIn(resp, p, ip, email, password);
        if (user == null) {
            return;
        }
        guard.succeeded(ip, email);
        var logged = users.recordLogin(user);
        var session = sessions.restart(req, resp, logged.userId());
        log.debug("User {} logged in", logged.userId());
        flow.proceed(resp, p.withUser(logged.userId(), session.sid(), session.authTime()));
    }

    private organizer.auth.tenant.User logIn(HttpServletResponse resp, Pending p, String ip, String email,
                                             String password) throws IOException {
        var user = users.authenticate(email, password);
        if (user.isEmpty()) {
            guard.failed(ip, email);
            if (guard.blocked(ip, email)) {
                LoginPage.render(resp, 429, p, false, email, "too_many_attempts",
                        "Your account has been blocked after multiple consecutive login attempts. Try again later.");
            } else {
                LoginPage.render(resp, 400, p, false, email, "invalid_user_password", "Wrong email or password.");
            }
            return null;
        }
        if (user.get().isBlocked()) {
            LoginPage.render(resp, 401, p, false, email, "unauthorized", "This user is blocked.");
            return null;
        }
        return user.get();
    }

    private organizer.auth.tenant.User signUp(HttpServletResponse resp, Pending p, String email, String password)
            throws IOException {
        if (!email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            LoginPage.render(resp, 400, p, true, email, "invalid_email", "Enter a valid email address.");
            return null;
        }
        var problem = Passwords.problem(password);
        if (problem != null) {
            LoginPage.render(resp, 400, p, true, email, "invalid_password", problem);
            return null;
        }
        try {
            return users.create(email, password, null, false, TenantFile.DATABASE_CONNECTION);
        } catch (UserStore.UserExists e) {
            LoginPage.render(resp, 400, p, true, email, "user_exists", "The user already exists.");
            return null;
        }
    }

    private Optional<Pending> pending(HttpServletRequest req, String tx) {
        return flow.pending().get(tx, Cookies.read(req, AuthorizeServlet.DEVICE_COOKIE));
    }

    /** Whether the form carries the pending request's CSRF token; if not, answers 403 with a page saying so. */
    static boolean csrfMatches(Map<String, String> form, Pending p, HttpServletResponse resp) throws IOException {
        if (Ids.same(form.get("_csrf"), p.csrf())) {
            return true;
        }
        Html.error(resp, 403, "invalid_csrf", "The form could not be verified (CSRF token missing or wrong). "
                + "Go back to the application and sign in again.");
        return false;
    }

    static void expired(HttpServletResponse resp) throws IOException {
        Html.error(resp, 400, "invalid_request", "This sign-in request has expired or is not valid here. "
                + "Go back to the application and sign in again.");
    }
}
