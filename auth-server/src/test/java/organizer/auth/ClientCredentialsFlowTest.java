package organizer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import okhttp3.FormBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCredentialsFlowTest {
    @TempDir
    Path dir;
    TestServer auth;
    TokenClient client;

    @BeforeEach
    void start() throws Exception {
        auth = TestServer.start(dir);
        client = new TokenClient(auth);
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void clientCredentialsWithFormBodyIssuesAnM2mTokenTheApiVerifierAccepts() throws Exception {
        var answer = client.form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", "test-m2m",
                "client_secret", "test-m2m-secret-0123456789", "audience", "organize"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.get("token_type")).isEqualTo("Bearer");
        assertThat(answer.json().get("expires_in").asInt()).isEqualTo(3600);
        assertThat(answer.get("scope")).isEqualTo("read:calendar read:contacts");
        var token = answer.get("access_token");
        var verified = auth.apiVerifier().verify(token);
        assertThat(verified.subject()).isEqualTo("test-m2m@clients");
        assertThat(verified.scopes()).containsExactlyInAnyOrder("read:calendar", "read:contacts");
        var jwt = JWT.decode(token);
        assertThat(jwt.getClaim("gty").asString()).isEqualTo("client-credentials");
        assertThat(jwt.getClaim("azp").asString()).isEqualTo("test-m2m");
        assertThat(jwt.getAlgorithm()).isEqualTo("RS256");
        assertThat(jwt.getHeaderClaim("typ").asString()).isEqualTo("JWT");
    }

    @Test
    void jsonBodyAndClientSecretBasicWorkLikeTheAuth0Sdks() {
        var json = client.json("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", "test-m2m",
                "client_secret", "test-m2m-secret-0123456789", "audience", "organize", "scope", "read:calendar"));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.get("scope")).isEqualTo("read:calendar");

        var basic = Base64.getEncoder().encodeToString("test-m2m:test-m2m-secret-0123456789"
                .getBytes(StandardCharsets.UTF_8));
        var answer = client.send(client.request("/oauth/token").header("Authorization", "Basic " + basic)
                .post(new FormBody.Builder().add("grant_type", "client_credentials").add("audience", "organize").build())
                .build());
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void noClientGrantForTheAudienceIs403AccessDenied() {
        var answer = client.form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", "lonely-m2m",
                "client_secret", "lonely-m2m-secret-0123456789", "audience", "organize"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.get("error")).isEqualTo("access_denied");
        assertThat(answer.get("error_description")).isEqualTo("Client is not authorized to access \"organize\". "
                + "You need to create a \"client-grant\" associated to this API.");
    }

    @Test
    void refusalsUseTheRfcErrorCodes() {
        var wrongSecret = client.form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id",
                "test-m2m", "client_secret", "nope", "audience", "organize"));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.get("error")).isEqualTo("invalid_client");

        var unknownApi = client.form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id",
                "test-m2m", "client_secret", "test-m2m-secret-0123456789", "audience", "nothing"));
        assertThat(unknownApi.status()).isEqualTo(403);
        assertThat(unknownApi.get("error_description")).isEqualTo("Service not found: nothing");

        var moreScope = client.form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id",
                "test-m2m", "client_secret", "test-m2m-secret-0123456789", "audience", "organize",
                "scope", "read:calendar write:calendar"));
        assertThat(moreScope.status()).isEqualTo(403);
        assertThat(moreScope.get("error")).isEqualTo("access_denied");

        var spa = client.form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id",
                "organizer-spa", "audience", "organize"));
        assertThat(spa.get("error")).isEqualTo("unauthorized_client");

        var unknownGrant = client.form("/oauth/token", Map.of("grant_type", "password", "client_id", "test-m2m"));
        assertThat(unknownGrant.status()).isEqualTo(400);
        assertThat(unknownGrant.get("error")).isEqualTo("unsupported_grant_type");

        var notJson = client.send(client.request("/oauth/token").post(okhttp3.RequestBody.create("{nope",
                okhttp3.MediaType.get("application/json"))).build());
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.get("error")).isEqualTo("invalid_request");
    }

    @Test
    void corsAllowsOnlyRegisteredWebOrigins() {
        var preflight = client.send(client.request("/oauth/token").method("OPTIONS", null)
                .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST").build());
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.headers().get("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");

        var foreign = client.send(client.request("/oauth/token").method("OPTIONS", null)
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").build());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.headers().get("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void discoveryAndJwksDescribeTheServer() {
        var config = client.send(client.request("/.well-known/openid-configuration").build());
        assertThat(config.get("issuer")).isEqualTo(auth.issuer());
        assertThat(config.get("token_endpoint")).isEqualTo(auth.issuer() + "oauth/token");
        assertThat(config.json().get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(config.json().get("subject_types_supported").toString()).isEqualTo("[\"public\"]");
        var jwks = client.send(client.request("/.well-known/jwks.json").build());
        var key = jwks.json().get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.has("d")).isFalse();
    }
}
