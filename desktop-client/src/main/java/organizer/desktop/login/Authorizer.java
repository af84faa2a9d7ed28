package organizer.desktop.login;

import java.net.URI;
import java.time.Clock;
import organizer.desktop.session.Tokens;

/**
 * One place that starts {@code /authorize} requests and judges their answers, for the visible login and the hidden
 * silent ones alike: a fresh {@code state} and {@code nonce} per attempt, the state compared before anything else,
 * then the ID token validated.
 */
public final class Authorizer {
    /** How an attempt ended. */
    public sealed interface Outcome {
    }

    /** Signed in: validated tokens. */
    public record SignedIn(Tokens tokens) implements Outcome {
    }

    /** The authorization server answered with an OAuth error ({@code access_denied}, {@code login_required}, …). */
    public record Denied(String error, String description) implements Outcome {
        /** The SSO session is gone (or never was): only an interactive login helps. */
        public boolean loginRequired() {
            return "login_required".equals(error);
        }

        /** The SSO session is alive but something needs the user (consent, MFA, …). */
        public boolean interactionRequired() {
            return "consent_required".equals(error) || "interaction_required".equals(error);
        }
    }

    /** The answer cannot be trusted (state mismatch, bad ID token) or did not come: nothing from it is used. */
    public record Rejected(String reason) implements Outcome {
    }

    private final URI issuer;
    private final String clientId;
    private final String audience;
    private final URI redirectUri;
    private final IdTokenValidator validator;

    public Authorizer(URI issuer, String clientId, String audience, URI redirectUri, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.audience = audience;
        this.redirectUri = redirectUri;
        this.validator = new IdTokenValidator(issuer, clientId, clock);
    }

    public URI redirectUri() {
        return redirectUri;
    }

    public URI issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** A new attempt for {@code scope}; {@code prompt} is null (interactive) or {@code none} (silent). */
    public Attempt begin(String scope, String prompt) {
        var state = AuthorizeUrl.random();
        var nonce = AuthorizeUrl.random();
        return new Attempt(AuthorizeUrl.implicit(issuer, clientId, redirectUri, audience, scope, state, nonce, prompt),
                scope, state, nonce);
    }

    /** One {@code /authorize} request: its state and nonce exist only here, in memory. */
    public final class Attempt {
        private final URI url;
        private final String scope;
        private final String state;
        private final String nonce;

        private Attempt(URI url, String scope, String state, String nonce) {
            this.url = url;
            this.scope = scope;
            this.state = state;
            this.nonce = nonce;
        }

        public URI url() {
            return url;
        }

        public String scope() {
            return scope;
        }

        /** True when the WebView has reached the callback URL: stop loading it and call {@link #finish}. */
        public boolean isCallback(String location) {
            return ImplicitRedirect.isCallback(location, redirectUri);
        }

        /** Judges the callback URL. May fetch the JWKS: call it off the FX thread. */
        public Outcome finish(String location) {
            var response = ImplicitRedirect.parse(location);
            // The state is checked first, for errors too: an answer to someone else's request is ignored whole.
            if (response.state() == null || !IdTokenValidator.constantTimeEquals(response.state(), state)) {
                return new Rejected("The sign-in answer does not belong to this sign-in attempt (state mismatch)");
            }
            if (response instanceof ImplicitRedirect.Failure failure) {
                return new Denied(failure.error(), failure.description());
            }
            if (!(response instanceof ImplicitRedirect.Success success)) {
                return new Rejected("The sign-in server answered with an authorization code where tokens were expected");
            }
            try {
                return new SignedIn(validator.validate(success, nonce, scope));
            } catch (IdTokenValidator.Invalid e) {
                return new Rejected(e.getMessage());
            }
        }
    }

    /** Words for a person, for an OAuth error from the authorization server. */
    public static String explain(Denied denied) {
        return switch (denied.error()) {
            case "access_denied" -> denied.description() != null && denied.description().startsWith("User did not authorize")
                    ? "You declined to give Organizer access, so it cannot show your calendar and contacts."
                    : "Access was denied: " + denied.description();
            case "login_required" -> "Your session has ended. Please sign in again.";
            case "consent_required", "interaction_required" -> "Organizer needs your permission again. Please sign in.";
            case "unauthorized_client" -> "This app is not allowed to sign in this way: " + denied.description();
            case "too_many_attempts" -> "Too many failed sign-in attempts. Your account is blocked for now.";
            default -> "Sign-in failed (" + denied.error() + ")" + (denied.description() == null
                    || denied.description().isBlank() ? "" : ": " + denied.description());
        };
    }
}
