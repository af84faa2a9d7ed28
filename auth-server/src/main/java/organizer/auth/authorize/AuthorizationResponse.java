package organizer.auth.authorize;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import organizer.auth.tenant.Client;
import organizer.auth.tenant.TenantStore;
import organizer.auth.web.Html;
import organizer.common.json.Json;
import organizer.common.oauth.OAuthError;

/**
 * Delivers an authorization response (success or error) to a redirect URI that was already checked against the
 * client's callbacks, by response mode: {@code query} / {@code fragment} (302), {@code form_post} (an auto-posting
 * page) or {@code web_message} (a page posting to the opener or parent, targeting exactly the callback's origin,
 * which must be one of the client's {@code web_origins}).
 */
final class AuthorizationResponse {
    private AuthorizationResponse() {
    }

    static void error(HttpServletResponse resp, Client client, String redirectUri, String mode, OAuthError error,
                      String state) throws IOException {
        var fields = new LinkedHashMap<String, String>();
        fields.put("error", error.error());
        fields.put("error_description", error.description());
        if (state != null) {
            fields.put("state", state);
        }
        send(resp, client, redirectUri, mode, fields);
    }

    static void send(HttpServletResponse resp, Client client, String redirectUri, String mode,
                     Map<String, String> fields) throws IOException {
        switch (mode) {
            case "query" -> redirect(resp, redirectUri + (redirectUri.contains("?") ? "&" : "?") + encode(fields));
            case "form_post" -> formPost(resp, redirectUri, fields);
            case "web_message" -> webMessage(resp, client, redirectUri, fields);
            default -> redirect(resp, redirectUri + "#" + encode(fields));
        }
    }

    /** Whether {@code web_message} may answer this redirect URI: its origin must be a registered web origin. */
    static boolean webMessageAllowed(Client client, String redirectUri) {
        try {
            return client.hasWebOrigin(TenantStore.originOf(redirectUri));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void redirect(HttpServletResponse resp, String location) {
        resp.setStatus(302);
        resp.setHeader("Location", location);
        resp.setHeader("Cache-Control", "no-store");
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }

    private static void formPost(HttpServletResponse resp, String redirectUri, Map<String, String> fields)
            throws IOException {
        var inputs = new StringBuilder();
        fields.forEach((name, value) -> inputs.append("<input type=\"hidden\" name=\"").append(Html.e(name))
                .append("\" value=\"").append(Html.e(value)).append("\">"));
        var body = "<h1>Submit this form</h1><p class=\"sub\">Your browser should continue on its own.</p>"
                + "<form method=\"post\" id=\"response\" action=\"" + Html.e(redirectUri) + "\">" + inputs
                + "<button type=\"submit\" id=\"submit\">Continue</button></form>";
        Html.send(resp, 200, "Submit This Form", body, "document.getElementById('response').submit();", "'none'");
    }

    private static void webMessage(HttpServletResponse resp, Client client, String redirectUri,
                                   Map<String, String> fields) throws IOException {
        var origin = TenantStore.originOf(redirectUri);
        var message = Map.of("type", "authorization_response", "response", fields);
        var script = "(function(){var target=window.opener||window.parent;"
                + "target.postMessage(" + scriptJson(message) + "," + scriptJson(origin) + ");})();";
        Html.send(resp, 200, "Authorization Response", "<h1>Authorization Response</h1>", script, origin);
    }

    /** JSON safe inside a script element: no {@code </script>}, no HTML-significant or line-separator characters. */
    static String scriptJson(Object value) {
        return Json.write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
