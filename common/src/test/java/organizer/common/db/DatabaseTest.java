package organizer.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
    void statementsSplitAtSemicolonsAndSkipComments() {
        assertThat(Database.statements("-- a comment\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n y INT\n);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE TABLE b (\n y INT\n)");
    }
}
