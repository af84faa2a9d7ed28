package organizer.desktop.session;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The signed-in user's session as the main window sees it: the tokens stay behind this interface, in memory only.
 * The login side implements it; the views only read the access token and ask for renewal, logout or more scopes.
 */
public interface Session {

    /** The current access token for the audience {@code organize}; the same token serves contacts and calendar. */
    String accessToken();

    /** The scopes the authorization server granted (may be fewer than requested). */
    Set<String> scopes();

    UserProfile user();

    /**
     * Renews the access token silently ({@code prompt=none}), e.g. after an API answered 401. Completes normally
     * with the new token in place, or exceptionally when the user has to sign in again (the login is then shown).
     */
    CompletableFuture<Void> renew();

    /** Ends the SSO session at the authorization server, drops the tokens and shows the login. */
    void logout();

    /** Signs in again interactively, asking for {@code scope} in addition to the current scopes. */
    void reauthorize(String scope);
}
