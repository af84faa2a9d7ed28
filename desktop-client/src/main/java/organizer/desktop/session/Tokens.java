package organizer.desktop.session;

import java.time.Instant;
import java.util.Set;

/**
 * What a sign-in produced, after validation. Kept in memory only: never written to disk, never logged.
 *
 * @param accessToken   for the API {@code organize}
 * @param scopes        granted scopes
 * @param expiresAt     when the access token expires (from {@code expires_in})
 * @param user          the profile from the verified ID token
 * @param idTokenExpiry the ID token's {@code exp}
 */
public record Tokens(String accessToken, Set<String> scopes, Instant expiresAt, UserProfile user, Instant idTokenExpiry) {
    @Override
    public String toString() {
        return "Tokens[scopes=" + scopes + ", expiresAt=" + expiresAt + ", user=" + user.subject() + "]";
    }
}
