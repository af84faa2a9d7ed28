package organizer.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import organizer.api.http.JsonResponses;
import organizer.common.oauth.OAuthError;
import organizer.common.token.VerifiedToken;

/**
 * Each microservice's own permission: exact membership in the token's space-separated scopes (never a substring,
 * so {@code read:calendarX} does not grant {@code read:calendar}); else 403 {@code insufficient_scope} naming the
 * scope. Runs after {@link BearerTokenFilter}.
 */
public final class RequireScopeFilter extends HttpFilter {
    private final String scope;
    private final String realm;

    public RequireScopeFilter(String scope, String realm) {
        this.scope = scope;
        this.realm = realm;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var token = (VerifiedToken) request.getAttribute(BearerTokenFilter.TOKEN);
        if (token == null) {
            // Wiring error: this filter must sit behind the bearer filter. Fail closed.
            throw new IllegalStateException("RequireScopeFilter without a verified token on " + request.getRequestURI());
        }
        if (!token.hasScope(scope)) {
            JsonResponses.challenge(response, realm, OAuthError.insufficientScope(scope));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The verified token's subject: the owner of every row the request may see. */
    public static String subject(HttpServletRequest request) {
        return ((VerifiedToken) request.getAttribute(BearerTokenFilter.TOKEN)).subject();
    }
}
