package organizer.auth.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import organizer.common.oauth.OAuthError;

/**
 * Safe defaults on every answer: not framable, no MIME sniffing, no referrer. Pages replace the CSP with their own
 * (a script nonce); only {@code web_message} answers lift the frame ban, for the client's web origin.
 */
public final class SecurityHeadersFilter extends HttpFilter {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecurityHeadersFilter.class);

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        try {
            chain.doFilter(req, resp);
        } catch (org.eclipse.jetty.io.EofException e) {
            log.debug("{} {}: the client went away", req.getMethod(), req.getRequestURI());
        } catch (RuntimeException | ServletException | IOException e) {
            log.error("{} {} failed", req.getMethod(), req.getRequestURI(), e); // the boundary: logged once, here
            if (!resp.isCommitted()) {
                resp.reset();
                JsonResponses.error(resp, OAuthError.serverError());
            }
        }
    }
}
