package organizer.auth.tenant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import organizer.auth.db.Jdbc;
import organizer.common.domain.Scopes;
import organizer.common.json.Json;

/** Users of the database connection (bcrypt-hashed passwords) and the consents they gave ("user grants"). */
public final class UserStore {
    /** The email is already registered (Auth0: 409 {@code user_exists}). */
    public static final class UserExists extends RuntimeException {
        UserExists() {
            super("The user already exists.", null, false, false);
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public UserStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public User create(String email, String password, String name, boolean emailVerified, String connection) {
        var normalized = normalize(email);
        var now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // Auth0's precision
        var id = Ids.userId();
        var local = normalized.contains("@") ? normalized.substring(0, normalized.indexOf('@')) : normalized;
        var user = new User(id, normalized, emailVerified, name == null || name.isBlank() ? normalized : name, local,
                null, now, now, List.of(new User.Identity(connection, id.substring("auth0|".length()), "auth0", false)),
                false, 0, null);
        var hash = Passwords.hash(password);
        try {
            jdbc.update("INSERT INTO users (user_id, email, password_hash, created_at, document) VALUES (?, ?, ?, ?, ?)",
                    id, normalized, hash, now.getEpochSecond(), Json.write(user));
        } catch (Jdbc.Failure e) {
            if (byEmail(normalized).isPresent()) {
                throw new UserExists();
            }
            throw e;
        }
        return user;
    }

    public Optional<User> byId(String userId) {
        return jdbc.one("SELECT document FROM users WHERE user_id = ?", r -> Json.read(r.getString(1), User.class),
                userId);
    }

    public Optional<User> byEmail(String email) {
        return jdbc.one("SELECT document FROM users WHERE email = ?", r -> Json.read(r.getString(1), User.class),
                normalize(email));
    }

    /** The user when the password is right (always spends one bcrypt verification, known email or not). */
    public Optional<User> authenticate(String email, String password) {
        var row = jdbc.one("SELECT document, password_hash FROM users WHERE email = ?",
                r -> new Object[] {Json.read(r.getString(1), User.class), r.getString(2)}, normalize(email));
        var hash = row.map(r -> (String) r[1]).orElse(null);
        if (!Passwords.matches(password, hash)) {
            return Optional.empty();
        }
        return row.map(r -> (User) r[0]);
    }

    public User recordLogin(User user) {
        return update(user.withLogin(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }

    public User update(User user) {
        jdbc.update("UPDATE users SET document = ?, email = ? WHERE user_id = ?", Json.write(user),
                normalize(user.email()), user.userId());
        return user;
    }

    public void setPassword(String userId, String password) {
        jdbc.update("UPDATE users SET password_hash = ? WHERE user_id = ?", Passwords.hash(password), userId);
    }

    public boolean delete(String userId) {
        return jdbc.transaction(c -> {
            Jdbc.update(c, "DELETE FROM user_grants WHERE user_id = ?", userId);
            Jdbc.update(c, "DELETE FROM sessions WHERE user_id = ?", userId);
            Jdbc.update(c, "UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ?",
                    clock.instant().getEpochSecond(), userId);
            return Jdbc.update(c, "DELETE FROM users WHERE user_id = ?", userId) > 0;
        });
    }

    /** One page of users, ordered by creation. */
    public List<User> page(int page, int perPage) {
        return jdbc.query("SELECT document FROM users ORDER BY created_at, user_id LIMIT ? OFFSET ?",
                r -> Json.read(r.getString(1), User.class), perPage, page * perPage);
    }

    public int count() {
        return jdbc.one("SELECT COUNT(*) FROM users", r -> r.getInt(1)).orElse(0);
    }

    // --- user grants (consent) ---

    public Optional<UserGrant> grant(String userId, String clientId, String audience) {
        return jdbc.one("SELECT id, client_id, user_id, audience, scope FROM user_grants "
                + "WHERE user_id = ? AND client_id = ? AND audience = ?", UserStore::grantRow, userId, clientId, audience);
    }

    /** Remembers the consent, adding {@code scopes} to what was granted before. */
    public UserGrant addGrant(String userId, String clientId, String audience, List<String> scopes) {
        return jdbc.transaction(c -> {
            var existing = Jdbc.query(c, "SELECT id, client_id, user_id, audience, scope FROM user_grants "
                    + "WHERE user_id = ? AND client_id = ? AND audience = ?", UserStore::grantRow,
                    userId, clientId, audience);
            var all = new LinkedHashSet<String>();
            existing.stream().findFirst().ifPresent(g -> all.addAll(g.scope()));
            all.addAll(scopes);
            var scope = Scopes.format(all);
            if (existing.isEmpty()) {
                var id = Ids.hex(12);
                Jdbc.update(c, "INSERT INTO user_grants (id, user_id, client_id, audience, scope) VALUES (?, ?, ?, ?, ?)",
                        id, userId, clientId, audience, scope);
                return new UserGrant(id, clientId, userId, audience, List.copyOf(all));
            }
            Jdbc.update(c, "UPDATE user_grants SET scope = ? WHERE id = ?", scope, existing.get(0).id());
            return new UserGrant(existing.get(0).id(), clientId, userId, audience, List.copyOf(all));
        });
    }

    /** User grants, optionally filtered by user, client and audience (any may be null). */
    public List<UserGrant> grants(String userId, String clientId, String audience) {
        var sql = new StringBuilder("SELECT id, client_id, user_id, audience, scope FROM user_grants WHERE 1 = 1");
        var params = new ArrayList<Object>();
        if (userId != null) {
            sql.append(" AND user_id = ?");
            params.add(userId);
        }
        if (clientId != null) {
            sql.append(" AND client_id = ?");
            params.add(clientId);
        }
        if (audience != null) {
            sql.append(" AND audience = ?");
            params.add(audience);
        }
        return jdbc.query(sql.append(" ORDER BY id").toString(), UserStore::grantRow, params.toArray());
    }

    public boolean deleteGrant(String id) {
        return jdbc.update("DELETE FROM user_grants WHERE id = ?", id) > 0;
    }

    public int deleteGrants(String userId) {
        return jdbc.update("DELETE FROM user_grants WHERE user_id = ?", userId);
    }

    private static UserGrant grantRow(java.sql.ResultSet r) throws java.sql.SQLException {
        return new UserGrant(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                List.copyOf(Scopes.parse(r.getString(5))));
    }
}
