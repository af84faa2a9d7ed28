package organizer.auth.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * CORS for the endpoints browsers call directly ({@code /oauth/token}, {@code /oauth/revoke}, {@code /userinfo}):
 * an origin is allowed when a client lists it in {@code web_origins} or {@code allowed_origins}. Others get no CORS
 * headers (the browser then blocks the answer) and a refused preflight.
 */
public final class CorsFilter extends HttpFilter {
    private final Predicate<String> allowedOrigin;

    public CorsFilter(Predicate<String> allowedOrigin) {
        this.allowedOrigin = allowedOrigin;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        var origin = req.getHeader("Origin");
        resp.addHeader("Vary", "Origin");
        boolean allowed = origin != null && allowedOrigin.test(origin);
        if (allowed) {
            resp.setHeader("Access-Control-Allow-Origin", origin);
            resp.setHeader("Access-Control-Allow-Credentials", "true");
        }
        if ("OPTIONS".equals(req.getMethod()) && req.getHeader("Access-Control-Request-Method") != null) {
            if (!allowed) {
                resp.setStatus(403);
                return;
            }
            resp.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            resp.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Auth0-Client");
            resp.setHeader("Access-Control-Max-Age", "86400");
            resp.setStatus(204);
            return;
        }
        chain.doFilter(req, resp);
    }
}
