package organizer.api.http;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import organizer.common.oauth.OAuthError;

/**
 * A resource that only reads: GET, HEAD and OPTIONS go to the servlet; any other method is a JSON 405 with
 * {@code Allow} (HttpServlet's own answer would be an HTML error page).
 */
public abstract class ReadOnlyServlet extends HttpServlet {
    private static final String ALLOWED = "GET, HEAD, OPTIONS";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> super.service(request, response);
            default -> {
                response.setHeader("Allow", ALLOWED);
                JsonResponses.error(response, new OAuthError("method_not_allowed",
                        request.getMethod() + " is not supported here; use GET", 405, null));
            }
        }
    }
}
