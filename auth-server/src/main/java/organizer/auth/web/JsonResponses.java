package organizer.auth.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import organizer.common.json.Json;
import organizer.common.oauth.OAuthError;

/** JSON answers of the OAuth endpoints, never cached (tokens and errors alike). */
public final class JsonResponses {
    private JsonResponses() {
    }

    public static void send(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Pragma", "no-cache");
        var bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** {@code {"error","error_description"}} with the error's status (RFC 6749 §5.2). */
    public static void error(HttpServletResponse resp, OAuthError error) throws IOException {
        var body = new LinkedHashMap<String, String>();
        body.put("error", error.error());
        body.put("error_description", error.description());
        if (error.status() == 401 && "invalid_client".equals(error.error())) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"oauth\"");
        }
        if (error.status() == 429) {
            resp.setHeader("Retry-After", "60");
        }
        send(resp, error.status(), body);
    }
}
