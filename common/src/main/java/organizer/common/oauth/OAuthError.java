package organizer.common.oauth;

/**
 * An OAuth 2.0 error as RFC 6749 §5.2 and RFC 6750 §3.1 define it: the error code, a human-readable description,
 * the HTTP status it is answered with and, for {@code insufficient_scope}, the scope that was missing.
 *
 * <p>Descriptions stay within the RFC 6750 character set (no {@code "} or {@code \}) so that they can go into a
 * {@code WWW-Authenticate} header as they are.
 */
public record OAuthError(String error, String description, int status, String scope) {

    public OAuthError {
        if (description != null) {
            description = description.replace('"', '\'').replace('\\', '/');
        }
    }

    public static OAuthError invalidRequest(String why) {
        return new OAuthError("invalid_request", why, 400, null);
    }

    public static OAuthError invalidToken(String why) {
        return new OAuthError("invalid_token", why, 401, null);
    }

    public static OAuthError insufficientScope(String scope) {
        return new OAuthError("insufficient_scope", "Insufficient scope, expected any of: " + scope, 403, scope);
    }

    public static OAuthError invalidClient(String why) {
        return new OAuthError("invalid_client", why, 401, null);
    }

    public static OAuthError invalidGrant(String why) {
        return new OAuthError("invalid_grant", why, 400, null);
    }

    public static OAuthError unauthorizedClient(String why) {
        return new OAuthError("unauthorized_client", why, 403, null);
    }

    public static OAuthError unsupportedGrantType(String why) {
        return new OAuthError("unsupported_grant_type", why, 400, null);
    }

    public static OAuthError unsupportedResponseType(String why) {
        return new OAuthError("unsupported_response_type", why, 400, null);
    }

    public static OAuthError invalidScope(String why) {
        return new OAuthError("invalid_scope", why, 400, null);
    }

    public static OAuthError accessDenied(String why) {
        return new OAuthError("access_denied", why, 403, null);
    }

    public static OAuthError loginRequired() {
        return new OAuthError("login_required", "Login required", 400, null);
    }

    public static OAuthError consentRequired() {
        return new OAuthError("consent_required", "Consent required", 400, null);
    }

    public static OAuthError tooManyRequests(String why) {
        return new OAuthError("too_many_requests", why, 429, null);
    }

    public static OAuthError serverError() {
        return new OAuthError("server_error", "The server could not answer the request", 500, null);
    }

    public static OAuthError temporarilyUnavailable(String why) {
        return new OAuthError("temporarily_unavailable", why, 503, null);
    }

    /** The same error answered with another status (Auth0 answers some codes with other statuses than RFC 6749). */
    public OAuthError withStatus(int newStatus) {
        return new OAuthError(error, description, newStatus, scope);
    }
}
