package organizer.auth.discovery;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import organizer.auth.keys.SigningKeys;
import organizer.common.json.Json;

/** {@code GET /.well-known/jwks.json}: the published public keys; cacheable for a few minutes, open to any origin. */
public final class JwksServlet extends HttpServlet {
    private final SigningKeys keys;

    public JwksServlet(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "public, max-age=300");
        resp.setHeader("Access-Control-Allow-Origin", "*");
        var bytes = Json.write(keys.jwks()).getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
