package organizer.common.token;

/** The token is not acceptable: bad signature, wrong issuer or audience, expired, malformed… (answer 401). */
public final class TokenRejectedException extends Exception {
    public TokenRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
