package organizer.auth.authorize;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import static organizer.auth.web.Html.e;
import organizer.auth.tenant.User;
import organizer.auth.web.Html;

/**
 * "Authorize App": lists what the client asks for, each API permission by its description. Buttons {@code #accept}
 * and {@code #decline} (both {@code name="action"}), list {@code #permissions}.
 */
final class ConsentPage {
    private ConsentPage() {
    }

    static void render(HttpServletResponse resp, Pending p, User user) throws IOException {
        var items = new StringBuilder();
        for (var scope : p.scopes()) {
            var text = switch (scope) {
                case "openid" -> "Sign you in with your account";
                case "profile" -> "See your profile: name, nickname and picture";
                case "email" -> "See your email address";
                case "offline_access" -> "Stay signed in (access your data while you are away)";
                default -> p.api() == null ? scope : p.api().describe(scope).orElse(scope);
            };
            var apiName = p.api() != null && p.api().defines(scope) ? p.api().name() : null;
            items.append("<li data-scope=\"").append(e(scope)).append("\">").append(e(text))
                    .append("<small>").append(e(scope)).append(apiName == null ? "" : " · " + e(apiName))
                    .append("</small></li>");
        }
        var body = "<div class=\"logo\" aria-hidden=\"true\">O</div><h1>Authorize " + e(p.client().name()) + "</h1>"
                + "<p class=\"sub\">Hi " + e(user.name()) + ", <strong>" + e(p.client().name())
                + "</strong> is requesting access to your account:</p>"
                + "<ul class=\"perms\" id=\"permissions\">" + items + "</ul>"
                + "<form method=\"post\" action=\"/u/consent\">"
                + "<input type=\"hidden\" name=\"state\" value=\"" + e(p.tx()) + "\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"" + e(p.csrf()) + "\">"
                + "<button type=\"submit\" id=\"accept\" name=\"action\" value=\"accept\">Accept</button>"
                + "<button type=\"submit\" id=\"decline\" name=\"action\" value=\"decline\" class=\"secondary\">"
                + "Decline</button></form>";
        Html.send(resp, 200, "Authorize " + p.client().name(), body);
    }
}
