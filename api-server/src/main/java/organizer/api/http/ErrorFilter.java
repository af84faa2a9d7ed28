package organizer.api.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost filter: the one place that turns what a servlet throws into an answer. An {@link OAuthException}
 * becomes its JSON error; anything else is logged once with its stack trace and answered {@code server_error},
 * so a client never sees a stack trace or an HTML page.
 */
public final class ErrorFilter extends HttpFilter {
    private static final Logger log = LoggerFactory.getLogger(ErrorFilter.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (OAuthException e) {
            answer(response, e.error());
        } catch (EofException e) {
            log.debug("client went away during {} {}", request.getMethod(), request.getRequestURI());
        } catch (IOException e) {
            if (response.isCommitted()) {
                // the answer was on its way when the connection failed (client gone, or closed at shutdown)
                log.debug("could not finish answering {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
                return;
            }
            log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            answer(response, OAuthError.serverError());
        } catch (ServletException | RuntimeException e) {
            log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            answer(response, OAuthError.serverError());
        }
    }

    private static void answer(HttpServletResponse response, OAuthError error) throws IOException {
        if (response.isCommitted()) {
            return; // part of an answer is on the wire already; nothing sensible can follow it
        }
        response.resetBuffer();
        JsonResponses.error(response, error);
    }
}
