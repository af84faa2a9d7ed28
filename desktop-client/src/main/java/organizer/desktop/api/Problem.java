package organizer.desktop.api;

import organizer.common.domain.Scopes;

/**
 * What a view tells the user when its data could not be loaded, in plain words, and which button goes with it:
 * {@link Action#RETRY} for a network or server failure, {@link Action#REAUTHORIZE} (asking for {@link #scope()})
 * when access was not given, none when the session ended (the shell then shows the login).
 */
public record Problem(Action action, String title, String message, String scope) {

    public enum Action { RETRY, REAUTHORIZE, NONE }

    /** Access to {@code scope} was not granted: said before any request is made, or after a 403. */
    public static Problem notGranted(String scope) {
        var what = describe(scope);
        return new Problem(Action.REAUTHORIZE, "No access to your " + what,
                "Organizer was not given access to your " + what + ". Sign in again and allow it to read your "
                        + what + ".", scope);
    }

    /** The user-facing reading of a failed call. */
    public static Problem of(ApiException failure, String what) {
        return switch (failure.kind()) {
            case FORBIDDEN -> notGranted(failure.scope());
            case NETWORK -> new Problem(Action.RETRY, "Cannot reach the " + what + " service",
                    "Your " + what + " could not be loaded because the service did not answer. "
                            + "Check your connection and try again.", null);
            case SERVER -> new Problem(Action.RETRY, "The " + what + " service had a problem",
                    "Your " + what + " could not be loaded (the service answered " + failure.status()
                            + "). Try again in a moment.", null);
            case SIGNED_OUT -> new Problem(Action.NONE, "Your session has ended",
                    "Please sign in again to see your " + what + ".", null);
        };
    }

    /** "calendar" for read:calendar, "contacts" for read:contacts: the words a person uses. */
    static String describe(String scope) {
        if (Scopes.READ_CALENDAR.equals(scope)) {
            return "calendar";
        }
        if (Scopes.READ_CONTACTS.equals(scope)) {
            return "contacts";
        }
        return scope == null ? "data" : "data (" + scope + ")";
    }
}
