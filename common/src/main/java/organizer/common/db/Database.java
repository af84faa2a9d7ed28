package organizer.common.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pooled connection to the server's database, with its schema brought up to date.
 *
 * <p>Migrations are plain, portable SQL files on the class path, {@code <location>/V1.sql}, {@code V2.sql}, … applied
 * in order, each in its own transaction together with its row in {@code schema_version}; a version already recorded
 * is skipped. The SQL must run on H2 and PostgreSQL alike (no vendor types, no vendor upserts).
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * The default embedded database: an H2 file {@code <dataDir>/<name>.mv.db}. {@code WRITE_DELAY=0} makes every
     * commit reach the file before it returns, so a {@code kill -9} loses nothing that was committed.
     */
    public static String h2FileUrl(Path dataDir, String name) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(name) + ";WRITE_DELAY=0";
    }

    /** Opens {@code jdbcUrl} (H2, PostgreSQL, …) and applies the migrations found under {@code migrations}. */
    public static Database open(String jdbcUrl, String migrations) throws SQLException {
        var config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(8);
        config.setPoolName(migrations.replace('/', '-'));
        config.setInitializationFailTimeout(-1); // fail below, with the driver's own message
        var pool = new HikariDataSource(config);
        try {
            migrate(pool, migrations);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
    }

    private static void migrate(DataSource dataSource, String location) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
            }
            int current = currentVersion(connection);
            for (int version = current + 1; ; version++) {
                var sql = load(location + "/V" + version + ".sql");
                if (sql == null) {
                    return;
                }
                apply(connection, version, sql);
                log.info("Database schema {} migrated to version {}", location, version);
            }
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void apply(Connection connection, int version, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try {
            // Claim the version first: a second process migrating at the same time fails here and rolls back.
            try (var claim = connection.prepareStatement(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)")) {
                claim.setInt(1, version);
                claim.executeUpdate();
            }
            try (var statement = connection.createStatement()) {
                for (var part : statements(sql)) {
                    statement.execute(part);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("migration V" + version + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Splits a migration on semicolons at line ends; migrations keep to simple DDL and DML. */
    static List<String> statements(String sql) {
        var result = new ArrayList<String>();
        var current = new StringBuilder();
        for (var line : sql.split("\n")) {
            var trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                var statement = current.toString().strip();
                result.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    private static String load(String resource) {
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
