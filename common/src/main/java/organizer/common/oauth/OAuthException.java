package organizer.common.oauth;

/** Carries an {@link OAuthError} from where it is found to the one place that renders it. */
public final class OAuthException extends RuntimeException {
    private final OAuthError error;

    public OAuthException(OAuthError error) {
        super(error.error() + ": " + error.description(), null, false, false);
        this.error = error;
    }

    public OAuthError error() {
        return error;
    }
}
