package organizer.auth.tenant;

import java.util.List;

/** Allows a machine-to-machine client the client-credentials grant for one API ({@code /api/v2/client-grants}). */
public record ClientGrant(String id, String clientId, String audience, List<String> scope) {
    public ClientGrant {
        scope = scope == null ? List.of() : List.copyOf(scope);
    }

    public ClientGrant withId(String newId) {
        return new ClientGrant(newId, clientId, audience, scope);
    }
}
