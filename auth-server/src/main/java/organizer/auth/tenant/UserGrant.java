package organizer.auth.tenant;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A consent a user gave: a client may act for them on an audience with these scopes ({@code /api/v2/grants}). */
public record UserGrant(String id, @JsonProperty("clientID") String clientId, String userId, String audience,
                        List<String> scope) {
}
