package organizer.auth.token;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** A scope value split on spaces into distinct tokens, keeping their order (for stable {@code scope} strings). */
public final class ScopeList {
    private ScopeList() {
    }

    public static List<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +"))));
    }
}
