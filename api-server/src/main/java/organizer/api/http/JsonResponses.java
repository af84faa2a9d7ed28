package organizer.api.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import organizer.common.json.Json;
import organizer.common.oauth.BearerChallenge;
import organizer.common.oauth.OAuthError;

/**
 * The one place that writes API answers: JSON through {@link Json#MAPPER}, never cached (every answer is one
 * user's data or an error about their credentials), and errors as {@code {"error","error_description"}}.
 */
public final class JsonResponses {
    /** An error body as RFC 6749 §5.2 shapes it; snake_case on the wire. */
    record ErrorBody(String error, String errorDescription) {
    }

    private JsonResponses() {
    }

    public static void write(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** An error without a challenge: 400 on bad parameters, 404, 405, 500, 503. */
    public static void error(HttpServletResponse response, OAuthError error) throws IOException {
        write(response, error.status(), new ErrorBody(error.error(), error.description()));
    }

    /** A refused credential (401/403, and 400 for a malformed request): the error plus its RFC 6750 challenge. */
    public static void challenge(HttpServletResponse response, String realm, OAuthError error) throws IOException {
        response.setHeader("WWW-Authenticate", BearerChallenge.header(realm, error));
        error(response, error);
    }

    /** No credentials at all: 401 with the realm and no error code in the challenge (RFC 6750 §3.1). */
    public static void authenticationRequired(HttpServletResponse response, String realm) throws IOException {
        response.setHeader("WWW-Authenticate", BearerChallenge.header(realm));
        write(response, 401, new ErrorBody("unauthorized", "Authentication required: send Authorization: Bearer <access token>"));
    }

    public static void notFound(HttpServletResponse response, String what) throws IOException {
        write(response, 404, new ErrorBody("not_found", what));
    }

    /** A body for errors found outside the servlets (see {@link JsonErrorHandler}). */
    static byte[] errorBytes(String error, String description) {
        return Json.write(new ErrorBody(error, description)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
