package organizer.auth.authorize;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import static organizer.auth.web.Html.e;
import organizer.auth.web.Html;

/**
 * The Universal-Login-like page: email + password, or sign-up on the database connection. Stable element ids for
 * people and programs (the desktop WebView fills it in): inputs {@code #email} and {@code #password} (same names),
 * submit button {@code #submit}, switch links {@code #signup-link} / {@code #login-link}, error {@code #error}
 * with the error code in {@code data-error}.
 */
final class LoginPage {
    private LoginPage() {
    }

    static void render(HttpServletResponse resp, int status, Pending p, boolean signup, String email,
                       String errorCode, String error) throws IOException {
        var title = signup ? "Sign up" : "Log in";
        var action = signup ? "/u/signup" : "/u/login";
        var body = new StringBuilder()
                .append("<div class=\"logo\" aria-hidden=\"true\">O</div>")
                .append("<h1>").append(signup ? "Create your account" : "Welcome").append("</h1>")
                .append("<p class=\"sub\">").append(signup ? "Sign up" : "Log in").append(" to continue to <strong>")
                .append(e(p.client().name())).append("</strong></p>");
        if (error != null) {
            body.append("<p class=\"error\" id=\"error\" role=\"alert\" data-error=\"").append(e(errorCode))
                    .append("\">").append(e(error)).append("</p>");
        }
        body.append("<form method=\"post\" action=\"").append(action).append("\" id=\"login-form\" novalidate>")
                .append("<input type=\"hidden\" name=\"state\" value=\"").append(e(p.tx())).append("\">")
                .append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(e(p.csrf())).append("\">")
                .append("<label for=\"email\">Email address</label>")
                .append("<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"username\" required")
                .append(" autofocus value=\"").append(e(email)).append("\">")
                .append("<label for=\"password\">Password</label>")
                .append("<input type=\"password\" id=\"password\" name=\"password\" required autocomplete=\"")
                .append(signup ? "new-password" : "current-password").append("\">")
                .append("<button type=\"submit\" id=\"submit\" name=\"action\" value=\"default\">")
                .append(signup ? "Sign up" : "Continue").append("</button></form>");
        if (signup) {
            body.append("<p class=\"alt\">Already have an account? <a id=\"login-link\" href=\"/u/login?state=")
                    .append(e(p.tx())).append("\">Log in</a></p>");
        } else {
            body.append("<p class=\"alt\">Don't have an account? <a id=\"signup-link\" href=\"/u/signup?state=")
                    .append(e(p.tx())).append("\">Sign up</a></p>");
        }
        Html.send(resp, status, title + " | " + p.client().name(), body.toString());
    }
}
