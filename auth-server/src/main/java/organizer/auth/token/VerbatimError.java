package organizer.auth.token;

import organizer.common.oauth.OAuthError;

/**
 * An error whose description must reach the client verbatim, quotes included (Auth0's client-grant message).
 * {@link OAuthError} keeps descriptions header-safe by replacing {@code "}; JSON bodies do not need that.
 */
final class VerbatimError extends RuntimeException {
    final OAuthError error;
    final String description;

    VerbatimError(OAuthError error, String description) {
        super(error.error(), null, false, false);
        this.error = error;
        this.description = description;
    }
}
