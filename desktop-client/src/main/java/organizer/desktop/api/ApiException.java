package organizer.desktop.api;

/**
 * Why a call to the contacts or calendar API gave no data, sorted by what the user can do about it.
 * Unchecked so that {@code api::contacts} fits a {@link java.util.function.Supplier}.
 */
public final class ApiException extends RuntimeException {

    public enum Kind {
        /** The API could not be reached (refused, timed out, reset): worth a retry. */
        NETWORK,
        /** The API answered with an error of its own (5xx, 503 while the JWKS is down, a body we cannot read). */
        SERVER,
        /** 403 insufficient_scope, or the scope was never granted: ask the user to re-authorize. */
        FORBIDDEN,
        /** 401 even after a silent renewal: the user has to sign in again (the shell shows the login). */
        SIGNED_OUT
    }

    private final Kind kind;
    private final int status;
    private final String scope;

    public ApiException(Kind kind, int status, String scope, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.scope = scope;
    }

    public static ApiException network(String service, Throwable cause) {
        return new ApiException(Kind.NETWORK, 0, null, "The " + service + " service cannot be reached", cause);
    }

    public static ApiException server(String service, int status) {
        return new ApiException(Kind.SERVER, status, null, "The " + service + " service answered " + status, null);
    }

    public static ApiException forbidden(String scope) {
        return new ApiException(Kind.FORBIDDEN, 403, scope, "The access token lacks " + scope, null);
    }

    public static ApiException signedOut(Throwable cause) {
        return new ApiException(Kind.SIGNED_OUT, 401, null, "The session has ended", cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The missing scope of a {@link Kind#FORBIDDEN}, else null. */
    public String scope() {
        return scope;
    }
}
