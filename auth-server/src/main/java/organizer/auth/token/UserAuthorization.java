package organizer.auth.token;

import java.time.Instant;
import java.util.List;
import organizer.auth.tenant.Client;
import organizer.auth.tenant.ResourceServer;
import organizer.auth.tenant.User;

/**
 * What a user allowed a client: the API ({@code null} when no audience was asked for: then only {@code /userinfo}),
 * the granted scopes, and the login it rests on ({@code sid}, {@code auth_time}) for the ID token.
 */
public record UserAuthorization(Client client, User user, ResourceServer api, List<String> scopes, String nonce,
                                String sid, Instant authTime) {

    public UserAuthorization {
        scopes = List.copyOf(scopes);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
