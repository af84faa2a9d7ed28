package organizer.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same server on PostgreSQL (127.0.0.1:5432, database {@code test}, trust auth) in a fresh schema per run;
 * skipped when no PostgreSQL answers.
 */
class PostgresTenantTest {
    static final String BASE = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path dir;

    static boolean reachable() {
        try (var c = DriverManager.getConnection(BASE + "?connectTimeout=2", "postgres", "")) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void flowsWorkAndSurviveARestartOnPostgres() throws Exception {
        assumeTrue(reachable(), "no PostgreSQL on 127.0.0.1:5432");
        var schema = "auth_" + UUID.randomUUID().toString().replace("-", "");
        try (var c = DriverManager.getConnection(BASE, "postgres", ""); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            var url = BASE + "?user=postgres&currentSchema=" + schema;
            var config = AuthConfig.embedded(dir, TestServer.testTenant()).withJdbcUrl(url);
            String userId;
            try (var auth = TestServer.start(config, Clock.systemUTC())) {
                var browser = new Browser(auth.issuer());
                var done = ImplicitFlowTest.loginAndConsent(browser,
                        ImplicitFlowTest.implicit("openid read:calendar", "s", "n"));
                userId = auth.apiVerifier().verify(done.fragment().get("access_token")).subject();
                var token = new TokenClient(auth).m2mToken("organize");
                assertThat(auth.apiVerifier().verify(token).subject()).isEqualTo("test-m2m@clients");
            }
            try (var auth = TestServer.start(config, Clock.systemUTC())) {
                var mgmt = new TokenClient(auth);
                var token = mgmt.m2mToken(auth.issuer() + "api/v2/");
                var grants = mgmt.send(mgmt.request("/api/v2/grants?user_id=" + userId.replace("|", "%7C"))
                        .header("Authorization", "Bearer " + token).build());
                assertThat(grants.json()).hasSize(1);
            }
        } finally {
            try (var c = DriverManager.getConnection(BASE, "postgres", ""); var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
