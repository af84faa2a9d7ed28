package organizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every answer looks like on the wire: CORS, health, JSON errors only, an access log without tokens. */
class HttpFlowTest {
    @TempDir
    Path dir;
    private ApiFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = ApiFixture.start(dir, b -> b.corsOrigins(List.of("http://localhost:3000", "https://app.example")));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void preflightFromARegisteredOriginIsAnsweredWithoutAToken() {
        var answer = ApiFixture.send(new Request.Builder().url(fx.url(ApiService.CALENDAR, "/api/appointments"))
                .method("OPTIONS", null)
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .build());
        assertThat(answer.status()).isBetween(200, 204);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("GET");
        assertThat(answer.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void answersCarryCorsHeadersForRegisteredOriginsOnlyEvenOnErrors() {
        var allowed = ApiFixture.send(new Request.Builder().url(fx.url(ApiService.CONTACTS, "/api/contacts"))
                .header("Origin", "https://app.example").build());
        assertThat(allowed.status()).isEqualTo(401);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
        assertThat(allowed.header("Access-Control-Expose-Headers")).containsIgnoringCase("WWW-Authenticate");

        var foreign = ApiFixture.send(new Request.Builder().url(fx.url(ApiService.CONTACTS, "/api/contacts"))
                .header("Origin", "https://evil.example").build());
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        // an origin that only matches a registered one as a regular expression would: not allowed
        var lookalike = ApiFixture.send(new Request.Builder().url(fx.url(ApiService.CONTACTS, "/api/contacts"))
                .header("Origin", "https://appXexample").build());
        assertThat(lookalike.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void healthzAnswersWithoutAToken() {
        for (var service : ApiService.values()) {
            var answer = fx.get(service, "/healthz", null);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("status").asText()).isEqualTo("ok");
            assertThat(answer.json().get("service").asText()).isEqualTo(service.id());
        }
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrorsNeverHtml() {
        var token = fx.token("auth0|alice", "read:contacts");
        var unknown = fx.get(ApiService.CONTACTS, "/nothing/here", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("not_found");

        var post = ApiFixture.send(new Request.Builder().url(fx.url(ApiService.CONTACTS, "/api/contacts"))
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build());
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).contains("GET");
        assertThat(post.json().get("error").asText()).isEqualTo("method_not_allowed");

        var postHealth = ApiFixture.send(new Request.Builder().url(fx.url(ApiService.CONTACTS, "/healthz"))
                .post(RequestBody.create("", null)).build());
        assertThat(postHealth.status()).isEqualTo(405);
        assertThat(postHealth.header("Content-Type")).startsWith("application/json");

        // an ambiguous path is refused by Jetty itself, before any servlet: still JSON
        var ambiguous = ApiFixture.send(new Request.Builder()
                .url(fx.url(ApiService.CONTACTS, "/api/contacts") + "/%2e%2e/%2e%2e/etc").build());
        assertThat(ambiguous.status()).isBetween(400, 404);
        assertThat(ambiguous.body()).doesNotContain("<html").doesNotContain("<HTML");
    }

    @Test
    void accessLogNamesEachRequestButNeverAToken() {
        var token = fx.token("auth0|alice", "read:contacts read:calendar");
        fx.get(ApiService.CONTACTS, "/api/contacts?q=ana", token);
        fx.get(ApiService.CALENDAR, "/api/appointments?access_token=" + token, null);
        fx.get(ApiService.CALENDAR, "/api/appointments?access_token=" + token + "&from=x", token);
        var deadline = System.nanoTime() + 5_000_000_000L; // the log line is written after the answer is sent
        while (fx.accessLog.size() < 3 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // poll, with a deadline
        }
        assertThat(fx.accessLog).hasSize(3);
        assertThat(fx.accessLog.get(0)).contains("\"GET /api/contacts HTTP/1.1\" 200");
        assertThat(String.join("\n", fx.accessLog))
                .doesNotContain(token)
                .doesNotContain(token.substring(0, token.indexOf('.')))
                .doesNotContain("access_token")
                .doesNotContain("q=ana");
    }
}
