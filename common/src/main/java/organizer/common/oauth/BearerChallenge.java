package organizer.common.oauth;

/**
 * Formats the {@code WWW-Authenticate} header of a protected resource (RFC 6750 §3). This is the only formatter:
 * every API answer with a 401 or 403 goes through it.
 */
public final class BearerChallenge {
    private BearerChallenge() {
    }

    /** The challenge for a request without any credentials: realm only, no error code (RFC 6750 §3.1). */
    public static String header(String realm) {
        return "Bearer realm=\"" + realm + "\"";
    }

    /** The challenge for a request that was refused for the given error. */
    public static String header(String realm, OAuthError error) {
        var header = new StringBuilder("Bearer realm=\"").append(realm).append('"');
        header.append(", error=\"").append(error.error()).append('"');
        if (error.description() != null) {
            header.append(", error_description=\"").append(error.description()).append('"');
        }
        if (error.scope() != null) {
            header.append(", scope=\"").append(error.scope()).append('"');
        }
        return header.toString();
    }
}
