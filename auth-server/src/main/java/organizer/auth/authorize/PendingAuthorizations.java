package organizer.auth.authorize;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import organizer.auth.tenant.Ids;

/**
 * Authorization requests in progress, in memory with a time to live (a restart asks the user to start again, as an
 * expired Universal Login transaction does). Bounded, so that a flood of {@code /authorize} calls cannot exhaust memory.
 */
final class PendingAuthorizations {
    static final Duration TTL = Duration.ofMinutes(15);
    private static final int MAX = 50_000;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingAuthorizations(Clock clock) {
        this.clock = clock;
    }

    String newTx() {
        if (pending.size() >= MAX) {
            purge();
        }
        return Ids.secret();
    }

    void put(Pending p) {
        pending.put(p.tx(), p);
    }

    /** The live transaction {@code tx} bound to this browser ({@code device} cookie), if any. */
    Optional<Pending> get(String tx, String device) {
        if (tx == null) {
            return Optional.empty();
        }
        var p = pending.get(tx);
        if (p == null || device == null || !Ids.same(p.device(), device)) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(p.createdAt().plus(TTL))) {
            pending.remove(tx);
            return Optional.empty();
        }
        return Optional.of(p);
    }

    void remove(String tx) {
        pending.remove(tx);
    }

    private void purge() {
        var cutoff = clock.instant().minus(TTL);
        pending.values().removeIf(p -> p.createdAt().isBefore(cutoff));
        if (pending.size() >= MAX) {
            pending.clear(); // under attack: drop everything rather than grow without bound
        }
    }
}
