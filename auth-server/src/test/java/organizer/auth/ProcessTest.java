package organizer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import organizer.common.json.Json;

/** The server as a separate process: exit codes for bad input, and nothing committed lost to {@code kill -9}. */
class ProcessTest {
    @TempDir
    Path dir;

    static Process launch(String... args) throws Exception {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "organizer.auth.AuthServer"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    static String stderr(Process p) throws Exception {
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(l -> !l.contains(":INFO") && !l.contains(":WARN")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void aBadCommandLineExitsWith2AndOneLine() throws Exception {
        var p = launch("--port", "many");
        var err = stderr(p);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err.strip().lines()).hasSize(1);
        assertThat(err).startsWith("auth-server: ").contains("--port").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aBadTenantFileExitsWith2NamingTheField() throws Exception {
        var tenant = dir.resolve("tenant.json");
        Files.writeString(tenant, "{\"client_grants\":[{\"client_id\":\"ghost\",\"audience\":\"organize\"}]}");
        var p = launch("--port", "0", "--data-dir", dir.resolve("data").toString(), "--tenant", tenant.toString());
        var err = stderr(p);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).contains("client_grants[0].client_id").doesNotContain("\tat ");
    }

    @Test
    void killMinus9LosesNothingThatWasCommitted() throws Exception {
        var data = dir.resolve("data");
        var p = launch("--port", "0", "--data-dir", data.toString(), "--tenant", TestServer.testTenant().toString());
        try {
            var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            var issuer = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        var m = Pattern.compile("is running: (\\S+)").matcher(line);
                        if (m.find()) {
                            return m.group(1);
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(90, TimeUnit.SECONDS);
            assertThat(issuer).isNotNull();
            var http = new okhttp3.OkHttpClient();
            var token = Json.MAPPER.readTree(http.newCall(new Request.Builder().url(issuer + "oauth/token")
                    .post(new okhttp3.FormBody.Builder().add("grant_type", "client_credentials")
                            .add("client_id", "test-m2m").add("client_secret", "test-m2m-secret-0123456789")
                            .add("audience", issuer + "api/v2/").build()).build()).execute().body().string())
                    .get("access_token").asText();
            try (var created = http.newCall(new Request.Builder().url(issuer + "api/v2/users")
                    .header("Authorization", "Bearer " + token)
                    .post(RequestBody.create(Json.write(Map.of("connection", "Username-Password-Authentication",
                            "email", "kept@example.test", "password", "kept-password-1")),
                            MediaType.get("application/json"))).build()).execute()) {
                assertThat(created.code()).isEqualTo(201);
            }
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no orderly close of the database
            p.waitFor(30, TimeUnit.SECONDS);
        }
        try (var auth = TestServer.start(AuthConfig.embedded(data, TestServer.testTenant()), java.time.Clock.systemUTC())) {
            var browser = new Browser(auth.issuer());
            var toLogin = browser.get(Browser.authorizeUrl(ImplicitFlowTest.implicit("openid", "s", "n")));
            var after = browser.logIn(toLogin, "kept@example.test", "kept-password-1");
            assertThat(after.location()).startsWith("/u/consent");
        }
    }
}
