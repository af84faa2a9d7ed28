package organizer.common.domain;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** The logical API "organize" and the permissions of its two microservices. */
public final class Scopes {
    /** The audience (API identifier) both microservices accept. */
    public static final String AUDIENCE = "organize";
    public static final String READ_CALENDAR = "read:calendar";
    public static final String READ_CONTACTS = "read:contacts";

    private Scopes() {
    }

    /**
     * Splits an OAuth {@code scope} value into its scope tokens (RFC 6749 §3.3: space-delimited, case-sensitive).
     * Membership is then exact: {@code read:calendarX} never grants {@code read:calendar}.
     */
    public static Set<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        var scopes = new LinkedHashSet<String>();
        Arrays.stream(scope.trim().split(" +")).forEach(scopes::add);
        return Set.copyOf(scopes);
    }

    /** The inverse of {@link #parse}: a space-separated scope value. */
    public static String format(Iterable<String> scopes) {
        return String.join(" ", scopes);
    }
}
