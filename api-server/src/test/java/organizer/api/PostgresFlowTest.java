package organizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same API on PostgreSQL ({@code --db-url}), in a fresh schema per run, dropped afterwards. Skipped (not
 * failed) when no PostgreSQL answers on 127.0.0.1:5432; ORGANIZER_TEST_PG_URL points it elsewhere.
 */
class PostgresFlowTest {
    private static final String SERVER = System.getenv().getOrDefault("ORGANIZER_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @TempDir
    Path dir;
    private String schema;
    private String url;
    private ApiFixture fx;

    @BeforeEach
    void createSchema() {
        schema = "organizer_api_test_" + UUID.randomUUID().toString().replace("-", "");
        DriverManager.setLoginTimeout(3);
        try (var connection = DriverManager.getConnection(SERVER); var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            assumeTrue(false, "no PostgreSQL at " + SERVER + ": " + e.getMessage());
        }
        url = SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (fx != null) {
            fx.close();
        }
        if (url != null) {
            try (var connection = DriverManager.getConnection(SERVER); var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void bothServicesServeSearchRangesAndPerUserRowsFromPostgresAndKeepThemAcrossARestart() throws Exception {
        fx = ApiFixture.start(dir, b -> b.dbUrl(url));
        var alice = fx.token("auth0|alice", "read:contacts read:calendar");
        var bob = fx.token("auth0|bob", "read:contacts read:calendar");

        var contacts = fx.get(ApiService.CONTACTS, "/api/contacts", alice).json();
        assertThat(contacts.get("contacts").size()).isEqualTo(12);
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts?q=WOODGROVE", alice).json().get("contacts").get(0)
                .get("name").asText()).isEqualTo("Grace Liu");
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts?q=%25", alice).json().get("contacts").size()).isZero();

        var appointments = fx.get(ApiService.CALENDAR, "/api/appointments", alice).json();
        var first = appointments.get("appointments").get(0);
        var start = Instant.parse(first.get("time").asText());
        var end = Instant.parse(first.get("end").asText());
        assertThat(fx.get(ApiService.CALENDAR, "/api/appointments?from=" + start + "&to=" + end, alice)
                .json().get("appointments").get(0).get("id")).isEqualTo(first.get("id"));
        assertThat(Instant.parse(first.get("time").asText())).isEqualTo(start); // timestamptz round trip, UTC

        var aliceContactId = contacts.get("contacts").get(0).get("id").asText();
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts/" + aliceContactId, bob).status()).isEqualTo(404);
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts", bob).json().get("contacts").size()).isEqualTo(12);

        var jwks = fx.jwks;
        fx.api.stop();
        fx = ApiFixture.start(jwks, dir, b -> b.dbUrl(url));
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts", alice).json()).isEqualTo(contacts);
        assertThat(fx.get(ApiService.CALENDAR, "/api/appointments", alice).json()).isEqualTo(appointments);
    }
}
