package organizer.auth.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import organizer.auth.tenant.User;

/** A self-contained picture (an SVG initial) for users without one; Auth0 links to Gravatar, which we cannot reach. */
final class Avatars {
    private Avatars() {
    }

    static String dataUri(User user) {
        var source = user.name() != null && !user.name().isBlank() ? user.name() : user.email();
        var initial = source == null || source.isBlank() ? "?" : source.substring(0, 1).toUpperCase();
        if (!Character.isLetterOrDigit(initial.charAt(0))) {
            initial = "?";
        }
        var svg = "<svg xmlns='http://www.w3.org/2000/svg' width='64' height='64'><rect width='64' height='64' "
                + "rx='32' fill='#4f46e5'/><text x='32' y='42' font-size='30' text-anchor='middle' fill='#fff' "
                + "font-family='sans-serif'>" + initial + "</text></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }
}
