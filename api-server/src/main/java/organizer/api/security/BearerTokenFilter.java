package organizer.api.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import organizer.api.http.JsonResponses;
import organizer.common.oauth.OAuthError;
import organizer.common.token.AccessTokenVerifier;
import organizer.common.token.KeysUnavailableException;
import organizer.common.token.TokenRejectedException;
import organizer.common.token.VerifiedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through only with one valid access token of the logical API (see auth0-protocol.md, "Resource
 * servers"), and hands the {@link VerifiedToken} to what follows as request attribute {@link #TOKEN}.
 * <ul>
 *   <li>no credentials: 401, {@code Bearer realm="organize"} and no error code (RFC 6750 §3.1);</li>
 *   <li>a malformed {@code Authorization} header, or more than one token: 400 {@code invalid_request};</li>
 *   <li>a bad, expired or foreign token: 401 {@code invalid_token};</li>
 *   <li>no signing key because the JWKS endpoint does not answer: 503 {@code temporarily_unavailable}.</li>
 * </ul>
 */
public final class BearerTokenFilter extends HttpFilter {
    /** The request attribute holding the {@link VerifiedToken} once this filter let the request through. */
    public static final String TOKEN = VerifiedToken.class.getName();

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

    private final AccessTokenVerifier verifier;
    private final String realm;

    public BearerTokenFilter(AccessTokenVerifier verifier, String realm) {
        this.verifier = verifier;
        this.realm = realm;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var found = BearerTokens.extract(Collections.list(request.getHeaders("Authorization")), request.getQueryString());
        if (found.none()) {
            JsonResponses.authenticationRequired(response, realm);
            return;
        }
        if (found.error() != null) {
            JsonResponses.challenge(response, realm, found.error());
            return;
        }
        VerifiedToken token;
        try {
            token = verifier.verify(found.token());
        } catch (TokenRejectedException e) {
            log.info("token rejected: {} ({})", e.getMessage(), claimsForLog(found.token()));
            JsonResponses.challenge(response, realm, OAuthError.invalidToken(e.getMessage()));
            return;
        } catch (KeysUnavailableException e) {
            log.warn("cannot verify a token: {} ({})", e.getMessage(), rootCause(e));
            response.setHeader("Retry-After", "10");
            JsonResponses.error(response, OAuthError.temporarilyUnavailable(
                    "The authorization server's signing keys cannot be fetched; try again later"));
            return;
        }
        request.setAttribute(TOKEN, token);
        chain.doFilter(request, response);
    }

    /** {@code sub} and {@code jti} of a rejected token, unverified, to trace it: never the token itself. */
    private static String claimsForLog(String token) {
        try {
            var jwt = JWT.decode(token);
            return "sub=" + jwt.getSubject() + ", jti=" + jwt.getId();
        } catch (JWTDecodeException e) {
            return "not a JWT";
        }
    }

    private static String rootCause(Throwable e) {
        var cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
