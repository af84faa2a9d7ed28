package organizer.auth.authorize;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Auth0's brute-force protection: after 10 consecutive failed logins for one (IP, user) pair, that pair is refused
 * with {@code too_many_attempts}. A success resets the count; the block lifts an hour after the last failure.
 */
final class BruteForceGuard {
    static final int LIMIT = 10;
    static final Duration BLOCK = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    BruteForceGuard(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(String ip, String email) {
        var f = failures.get(key(ip, email));
        if (f == null) {
            return false;
        }
        if (clock.instant().isAfter(f.last().plus(BLOCK))) {
            failures.remove(key(ip, email));
            return false;
        }
        return f.count() >= LIMIT;
    }

    void failed(String ip, String email) {
        if (failures.size() >= MAX_ENTRIES) {
            var cutoff = clock.instant().minus(BLOCK);
            failures.values().removeIf(f -> f.last().isBefore(cutoff));
        }
        var now = clock.instant();
        failures.merge(key(ip, email), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }

    void succeeded(String ip, String email) {
        failures.remove(key(ip, email));
    }

    private static String key(String ip, String email) {
        return ip + "\n" + (email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
