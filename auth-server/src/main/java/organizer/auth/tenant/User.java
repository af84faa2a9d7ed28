package organizer.auth.tenant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A user of the database connection, in Auth0's field names ({@code GET /api/v2/users}). The password hash is
 * never part of this record.
 */
public record User(String userId, String email, Boolean emailVerified, String name, String nickname, String picture,
                   Instant createdAt, Instant updatedAt, List<Identity> identities, Boolean blocked,
                   Integer loginsCount, Instant lastLogin) {

    /** Where the user comes from: always the database connection here. */
    public record Identity(String connection, String userId, String provider,
                           @com.fasterxml.jackson.annotation.JsonProperty("isSocial") Boolean isSocial) {
    }

    @JsonIgnore
    public boolean isBlocked() {
        return blocked != null && blocked;
    }

    public User withLogin(Instant at) {
        return new User(userId, email, emailVerified, name, nickname, picture, createdAt, updatedAt, identities,
                blocked, (loginsCount == null ? 0 : loginsCount) + 1, at);
    }
}
