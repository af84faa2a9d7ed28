package organizer.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import organizer.auth.keys.SigningKeys;
import organizer.auth.tenant.TenantFile;

class PersistenceAndConfigTest {
    @TempDir
    Path dir;

    @Test
    void aRestartKeepsUsersSessionsConsentsAndTheSigningKey() throws Exception {
        var config = AuthConfig.embedded(dir, TestServer.testTenant());
        String kid;
        Browser browser;
        int port;
        try (var auth = TestServer.start(config, Clock.systemUTC())) {
            browser = new Browser(auth.issuer());
            ImplicitFlowTest.loginAndConsent(browser, ImplicitFlowTest.implicit("openid read:calendar", "s", "n"));
            kid = new TokenClient(auth).send(new TokenClient(auth).request("/.well-known/jwks.json").build())
                    .json().get("keys").get(0).get("kid").asText();
            port = auth.server.port();
        }
        var samePort = new AuthConfig("127.0.0.1", port, null, TestServer.testTenant(), dir, null, null, null,
                false, false, false);
        try (var auth = TestServer.start(samePort, Clock.systemUTC())) {
            var silent = ImplicitFlowTest.implicit("openid read:calendar", "s2", "n");
            silent.put("prompt", "none");
            var answer = browser.get(Browser.authorizeUrl(silent));
            assertThat(answer.fragment()).containsKey("access_token"); // session and consent survived
            assertThat(JWT.decode(answer.fragment().get("access_token")).getKeyId()).isEqualTo(kid);
        }
    }

    @Test
    void thePrivateKeyIsOwnerOnlyAndTheKidIsTheRfc7638Thumbprint() throws Exception {
        try (var auth = TestServer.start(dir)) {
            var jwk = new TokenClient(auth).send(new TokenClient(auth).request("/.well-known/jwks.json").build())
                    .json().get("keys").get(0);
            var keyFile = dir.resolve("keys").resolve(jwk.get("kid").asText() + ".key");
            assertThat(keyFile).exists();
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(Files.getPosixFilePermissions(keyFile))
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
            var decoder = Base64.getUrlDecoder();
            var key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, decoder.decode(jwk.get("n").asText())),
                    new BigInteger(1, decoder.decode(jwk.get("e").asText()))));
            assertThat(SigningKeys.thumbprint(key)).isEqualTo(jwk.get("kid").asText());
        }
    }

    @Test
    void rfc7638ExampleThumbprint() throws Exception {
        // The example key of RFC 7638 §3.1 and its published thumbprint.
        var n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        var key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(n)), BigInteger.valueOf(65537)));
        assertThat(SigningKeys.thumbprint(key)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void sessionsEndAfterTheIdleLifetime() throws Exception {
        var clock = new MutableClock();
        try (var auth = TestServer.start(AuthConfig.embedded(dir, TestServer.testTenant()), clock)) {
            var browser = new Browser(auth.issuer());
            ImplicitFlowTest.loginAndConsent(browser, ImplicitFlowTest.implicit("openid read:calendar", "s", "n"));
            var silent = ImplicitFlowTest.implicit("openid read:calendar", "s", "n");
            silent.put("prompt", "none");
            clock.advance(Duration.ofMinutes(50));
            assertThat(browser.get(Browser.authorizeUrl(silent)).fragment()).containsKey("access_token");
            clock.advance(Duration.ofMinutes(61)); // idle_session_lifetime is 1 hour in the test tenant
            assertThat(browser.get(Browser.authorizeUrl(silent)).fragment()).containsEntry("error", "login_required");
        }
    }

    @Test
    void theDefaultTenantHasTheReferenceClientsAndPrintsTheDemoAccount() throws Exception {
        var out = new ByteArrayOutputStream();
        var server = AuthServer.newServer(AuthConfig.embedded(dir, null).withDemoAccount(true), Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        server.start();
        try {
            assertThat(server.issuer()).isEqualTo("http://localhost:" + server.port() + "/");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo@organizer.test / organizer-demo");
            var browser = new Browser(server.issuer());
            var toLogin = browser.get(Browser.authorizeUrl(ImplicitFlowTest.implicit("openid read:calendar read:contacts",
                    "s", "n")));
            var after = browser.logIn(toLogin, AuthServer.DEMO_EMAIL, AuthServer.DEMO_PASSWORD);
            var consent = browser.get(after.location());
            assertThat(consent.body()).contains("Read your calendar", "Read your contacts", "Organizer");
            var secret = Files.readString(dir.resolve("organizer-m2m.secret")).strip();
            var token = new okhttp3.OkHttpClient().newCall(new okhttp3.Request.Builder()
                    .url(server.issuer() + "oauth/token").post(new okhttp3.FormBody.Builder()
                            .add("grant_type", "client_credentials").add("client_id", "organizer-m2m")
                            .add("client_secret", secret).add("audience", "organize").build()).build()).execute();
            assertThat(token.code()).isEqualTo(200);
            token.close();
        } finally {
            server.stop();
        }
    }

    @Test
    void badTenantFilesAreRefusedNamingTheField() throws Exception {
        var file = dir.resolve("tenant.json");
        Files.writeString(file, "{\"clients\":[{\"client_id\":\"x\",\"name\":\"X\",\"callbacks\":[\"not a url\"]}]}");
        assertThatThrownBy(() -> TenantFile.read(file, "http://localhost:4000/"))
                .isInstanceOf(TenantFile.InvalidTenant.class).hasMessageContaining("clients[0].callbacks[0]");
        Files.writeString(file, "{\"clients\":[{\"client_id\":\"x\",\"name\":\"X\","
                + "\"callbacks\":[\"javascript://localhost/%0Aalert(1)\"]}]}");
        assertThatThrownBy(() -> TenantFile.read(file, "http://localhost:4000/"))
                .hasMessageContaining("clients[0].callbacks[0]: not an absolute http(s) URL");
        Files.writeString(file, "{\"resource_servers\":[{\"identifier\":\"a\",\"token_lifetime\":\"soon\"}]}");
        assertThatThrownBy(() -> TenantFile.read(file, "http://localhost:4000/"))
                .hasMessageContaining("resource_servers[0].token_lifetime");
        Files.writeString(file, "{\"resource_servers\":[{\"identifier\":\"a\",\"signing_alg\":\"HS256\"}]}");
        assertThatThrownBy(() -> TenantFile.read(file, "http://localhost:4000/"))
                .hasMessageContaining("resource_servers[0].signing_alg");
        Files.writeString(file, "{\"clients\": [");
        assertThatThrownBy(() -> TenantFile.read(file, "http://localhost:4000/")).hasMessageContaining("not valid JSON");
    }

    @Test
    void configComesFromFlagsThenEnvironmentAndRefusesPlainHttpBeyondLoopback() {
        var defaults = AuthConfig.from(new String[0], Map.of());
        assertThat(defaults.port()).isEqualTo(4000);
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.issuer()).isNull();

        var env = AuthConfig.from(new String[] {"--port=4100"}, Map.of("ORGANIZER_AUTH_PORT", "4200",
                "ORGANIZER_ISSUER", "http://auth.local:4100", "ORGANIZER_AUTH_DATA", dir.toString()));
        assertThat(env.port()).isEqualTo(4100);
        assertThat(env.issuer()).isEqualTo("http://auth.local:4100/");
        assertThat(env.dataDir()).isEqualTo(dir);

        assertThatThrownBy(() -> AuthConfig.from(new String[] {"--host", "0.0.0.0"}, Map.of()))
                .isInstanceOf(AuthConfig.ConfigException.class).hasMessageContaining("--keystore");
        assertThat(AuthConfig.from(new String[] {"--host", "0.0.0.0", "--insecure-http"}, Map.of()).loopback())
                .isFalse();
        assertThatThrownBy(() -> AuthConfig.from(new String[] {"--port", "many"}, Map.of()))
                .isInstanceOf(AuthConfig.ConfigException.class);
        assertThatThrownBy(() -> AuthConfig.from(new String[] {"--bogus"}, Map.of()))
                .isInstanceOf(AuthConfig.ConfigException.class);
        assertThatThrownBy(() -> AuthConfig.from(new String[] {"--tenant", dir.resolve("none.json").toString()},
                Map.of())).hasMessageContaining("tenant file not found");
    }

    @Test
    void beyondLoopbackTheDemoAccountIsNotCreatedAndAnOldOneIsBlocked() throws Exception {
        try (var local = TestServer.start(AuthConfig.embedded(dir, null).withDemoAccount(true), Clock.systemUTC())) {
            assertThat(local.server.issuer()).isNotNull();
        }
        var wide = new AuthConfig("0.0.0.0", 0, null, null, dir, null, null, null, true, true, false);
        try (var auth = TestServer.start(wide, Clock.systemUTC())) {
            var browser = new Browser(auth.issuer());
            var toLogin = browser.get(Browser.authorizeUrl(Map.of("response_type", "token", "client_id",
                    "organizer-spa", "redirect_uri", "http://localhost:3000", "audience", "organize", "state", "s")));
            var answer = browser.logIn(toLogin, AuthServer.DEMO_EMAIL, AuthServer.DEMO_PASSWORD);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).contains("blocked");
        }
    }

    @Test
    void keyRotationCommandAddsAKeyWhileTheOldOneStaysPublished() throws Exception {
        String first;
        try (var auth = TestServer.start(dir)) {
            first = JWT.decode(new TokenClient(auth).m2mToken("organize")).getKeyId();
        }
        var config = AuthConfig.from(new String[] {"--data-dir", dir.toString(), "--rotate-keys",
                "--tenant", TestServer.testTenant().toString()}, Map.of());
        var second = AuthServer.rotateOffline(config);
        assertThat(second).isNotEqualTo(first);
        try (var auth = TestServer.start(dir)) {
            var jwks = new TokenClient(auth).send(new TokenClient(auth).request("/.well-known/jwks.json").build());
            assertThat(jwks.text()).contains(first, second);
            assertThat(JWT.decode(new TokenClient(auth).m2mToken("organize")).getKeyId()).isEqualTo(second);
        }
        assertThat(Set.of(first, second)).hasSize(2);
    }
}
