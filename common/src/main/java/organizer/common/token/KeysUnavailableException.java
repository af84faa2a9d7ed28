package organizer.common.token;

/**
 * The signing key could not be obtained because the JWKS endpoint did not answer, and no cached key applies.
 * The token may well be good: this is the server's problem (answer 503), not the client's.
 */
public final class KeysUnavailableException extends Exception {
    public KeysUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
