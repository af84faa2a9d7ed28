package organizer.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @Test
    void openAppliesEachMigrationOnceAndKeepsDataInTheFile(@TempDir Path dir) throws Exception {
        var url = Database.h2FileUrl(dir, "test");
        try (var db = Database.open(url, "db/test")) {
            try (var c = db.connection(); var s = c.createStatement()) {
                s.execute("INSERT INTO note (id, body) VALUES ('1', 'kept')");
            }
        }
        try (var db = Database.open(url, "db/test"); var c = db.connection(); var s = c.createStatement();
             var rows = s.executeQuery("SELECT body, (SELECT MAX(version) FROM schema_version) FROM note")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
            assertThat(rows.getInt(2)).isEqualTo(2);
        }
    }

    @Test
    void openMigratesPostgreSqlWhenAServerAnswers() throws Exception {
        var schema = "organizer_test_" + UUID.randomUUID().toString().replace("-", "");
        var server = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=2";
        try (var admin = connectOrSkip(server); var s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            try {
                try (var db = Database.open(server + "&currentSchema=" + schema, "db/test")) {
                    try (var c = db.connection(); var insert = c.createStatement()) {
                        insert.execute("INSERT INTO note (id, body) VALUES ('1', 'kept')");
                    }
                }
                try (var db = Database.open(server + "&currentSchema=" + schema, "db/test");
                     var c = db.connection(); var query = c.createStatement();
                     var rows = query.executeQuery("SELECT COUNT(*) FROM note")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
            } finally {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static java.sql.Connection connectOrSkip(String url) {
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            assumeTrue(false, "no PostgreSQL server answers at 127.0.0.1:5432: " + e.getMessage());
            return null;
        }
    }

    @Test
    void statementsSplitAtSemicolonsAndSkipComments() {
        assertThat(Database.statements("-- a comment\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n y INT\n);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (\n y INT\n)");
    }
}
