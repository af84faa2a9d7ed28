package organizer.auth.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import organizer.auth.db.Jdbc;
import organizer.auth.tenant.Ids;
import organizer.auth.tenant.TenantSettings;
import organizer.auth.web.Cookies;

/**
 * Server-side SSO sessions behind the {@code auth0} cookie. The cookie carries 256 random bits; the database keeps
 * only their SHA-256, the public session id ({@code sid}, put in ID tokens), the user and the times that enforce the
 * tenant's idle and absolute lifetimes.
 */
public final class Sessions {
    public static final String COOKIE = "auth0";
    /** Activity is written back at most this often, so that a busy session does not write on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(60);

    /** A live session. */
    public record Session(String sid, String userId, Instant authTime, Instant createdAt, Instant lastSeenAt) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final Supplier<TenantSettings> settings;
    private final boolean secureCookies;

    public Sessions(Jdbc jdbc, Clock clock, Supplier<TenantSettings> settings, boolean secureCookies) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.secureCookies = secureCookies;
    }

    /** Starts a session for a user who just authenticated and sets its cookie. */
    public Session start(HttpServletResponse resp, String userId) {
        var cookie = Ids.secret();
        var now = clock.instant();
        var session = new Session(Ids.secret().substring(0, 32), userId, now, now, now);
        jdbc.update("INSERT INTO sessions (cookie_hash, sid, user_id, auth_time, created_at, last_seen_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", Ids.sha256(cookie), session.sid(), userId, now.getEpochSecond(),
                now.getEpochSecond(), now.getEpochSecond());
        Cookies.set(resp, COOKIE, cookie, settings.get().absoluteSessionLifetime(), secureCookies);
        return session;
    }

    /** A new session after a login, replacing the browser's previous one (no session fixation). */
    public Session restart(HttpServletRequest req, HttpServletResponse resp, String userId) {
        var old = Cookies.read(req, COOKIE);
        if (old != null) {
            jdbc.update("DELETE FROM sessions WHERE cookie_hash = ?", Ids.sha256(old));
        }
        return start(resp, userId);
    }

    /** The request's session if it is still within its idle and absolute lifetimes. */
    public Optional<Session> current(HttpServletRequest req) {
        var cookie = Cookies.read(req, COOKIE);
        if (cookie == null || cookie.length() > 100) {
            return Optional.empty();
        }
        var hash = Ids.sha256(cookie);
        var found = jdbc.one("SELECT sid, user_id, auth_time, created_at, last_seen_at FROM sessions WHERE cookie_hash = ?",
                r -> new Session(r.getString(1), r.getString(2), Instant.ofEpochSecond(r.getLong(3)),
                        Instant.ofEpochSecond(r.getLong(4)), Instant.ofEpochSecond(r.getLong(5))), hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var session = found.get();
        var now = clock.instant();
        var tenant = settings.get();
        if (!now.isBefore(session.createdAt().plus(tenant.absoluteSessionLifetime()))
                || !now.isBefore(session.lastSeenAt().plus(tenant.idleSessionLifetimeDuration()))) {
            jdbc.update("DELETE FROM sessions WHERE cookie_hash = ?", hash);
            return Optional.empty();
        }
        if (now.isAfter(session.lastSeenAt().plus(TOUCH_EVERY))) {
            jdbc.update("UPDATE sessions SET last_seen_at = ? WHERE cookie_hash = ?", now.getEpochSecond(), hash);
        }
        return Optional.of(session);
    }

    /** Ends the request's session (if any) and clears the cookie. */
    public void end(HttpServletRequest req, HttpServletResponse resp) {
        var cookie = Cookies.read(req, COOKIE);
        if (cookie != null) {
            jdbc.update("DELETE FROM sessions WHERE cookie_hash = ?", Ids.sha256(cookie));
        }
        Cookies.clear(resp, COOKIE, secureCookies);
    }

    public void endBySid(String sid) {
        jdbc.update("DELETE FROM sessions WHERE sid = ?", sid);
    }

    /** Deletes sessions past their idle or absolute lifetime (run at start; live lookups check on their own). */
    public int purge() {
        var now = clock.instant();
        var tenant = settings.get();
        return jdbc.update("DELETE FROM sessions WHERE created_at < ? OR last_seen_at < ?",
                now.minus(tenant.absoluteSessionLifetime()).getEpochSecond(),
                now.minus(tenant.idleSessionLifetimeDuration()).getEpochSecond());
    }

    public boolean secureCookies() {
        return secureCookies;
    }
}
