package organizer.api.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Writes a user's sample data on their first request, so the app shows something on first login. Once per user
 * and kind, ever: a row in {@code sample_seed} records it, in the same transaction as the sample, and its primary
 * key makes two simultaneous first requests seed only once. Users already seeded are remembered in memory, so the
 * common request costs nothing here.
 */
public final class SampleSeeder {
    /** Writes one user's sample rows on the given connection (inside the seeding transaction). */
    @FunctionalInterface
    public interface Sample {
        void write(Connection connection, String owner) throws SQLException;
    }

    private static final int REMEMBERED_OWNERS = 100_000;

    private final DataSource database;
    private final String kind;
    private final Sample sample;
    private final Clock clock;
    private final Set<String> seeded = ConcurrentHashMap.newKeySet();

    public SampleSeeder(DataSource database, String kind, Sample sample, Clock clock) {
        this.database = database;
        this.kind = kind;
        this.sample = sample;
        this.clock = clock;
    }

    public void ensureSeeded(String owner) throws SQLException {
        if (seeded.contains(owner)) {
            return;
        }
        try (var connection = database.getConnection()) {
            if (!alreadySeeded(connection, owner)) {
                seed(connection, owner);
            }
        }
        if (seeded.size() >= REMEMBERED_OWNERS) {
            seeded.clear(); // a bound on memory; forgotten owners are looked up once more
        }
        seeded.add(owner);
    }

    private boolean alreadySeeded(Connection connection, String owner) throws SQLException {
        try (var query = connection.prepareStatement("SELECT 1 FROM sample_seed WHERE owner = ? AND kind = ?")) {
            query.setString(1, owner);
            query.setString(2, kind);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void seed(Connection connection, String owner) throws SQLException {
        connection.setAutoCommit(false);
        try (var claim = connection.prepareStatement(
                "INSERT INTO sample_seed (owner, kind, seeded_at) VALUES (?, ?, ?)")) {
            claim.setString(1, owner);
            claim.setString(2, kind);
            claim.setTimestamp(3, Timestamp.from(clock.instant()));
            claim.executeUpdate();
            sample.write(connection, owner);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            if (!"23505".equals(e.getSQLState())) { // unique violation: another request seeded first
                throw e;
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
