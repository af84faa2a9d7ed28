package organizer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import organizer.common.json.Json;

class ManagementApiFlowTest {
    @TempDir
    Path dir;
    TestServer auth;
    TokenClient client;
    String token;

    @BeforeEach
    void start() throws Exception {
        auth = TestServer.start(dir);
        client = new TokenClient(auth);
        token = client.m2mToken(auth.issuer() + "api/v2/");
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    TokenClient.Answer call(String method, String path, Object body) {
        var builder = new Request.Builder().url(auth.url("/api/v2/" + path)).header("Authorization", "Bearer " + token);
        var requestBody = body == null ? null : RequestBody.create(Json.write(body), MediaType.get("application/json"));
        if (requestBody == null && ("POST".equals(method) || "PATCH".equals(method))) {
            requestBody = RequestBody.create("{}", MediaType.get("application/json"));
        }
        return client.send(builder.method(method, requestBody).build());
    }

    @Test
    void usersCanBeCreatedListedPagedUpdatedAndDeleted() {
        var created = call("POST", "users", Map.of("connection", "Username-Password-Authentication",
                "email", "Bob@Example.test", "password", "bob-password-1", "name", "Bob"));
        assertThat(created.status()).isEqualTo(201);
        var id = created.get("user_id");
        assertThat(id).matches("auth0\\|[0-9a-f]{24}");
        assertThat(created.get("email")).isEqualTo("bob@example.test");
        assertThat(created.json().get("identities").get(0).get("connection").asText())
                .isEqualTo("Username-Password-Authentication");
        assertThat(created.json().get("identities").get(0).get("isSocial").asBoolean()).isFalse();
        assertThat(created.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:]{8}\\.\\d{3}Z");
        assertThat(created.text()).doesNotContain("password", "$2", "\"public\"");

        var duplicate = call("POST", "users", Map.of("connection", "Username-Password-Authentication",
                "email", "bob@example.test", "password", "bob-password-1"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("statusCode").asInt()).isEqualTo(409);
        assertThat(duplicate.get("error")).isEqualTo("Conflict");
        assertThat(duplicate.get("message")).isEqualTo("The user already exists.");

        var page = call("GET", "users?page=0&per_page=1&include_totals=true", null);
        assertThat(page.json().get("total").asInt()).isEqualTo(2);
        assertThat(page.json().get("users")).hasSize(1);
        assertThat(page.json().get("limit").asInt()).isEqualTo(1);
        var second = call("GET", "users?page=1&per_page=1", null);
        assertThat(second.json().isArray()).isTrue();
        assertThat(second.json()).hasSize(1);

        var encoded = id.replace("|", "%7C");
        var patched = call("PATCH", "users/" + encoded, Map.of("name", "Robert", "blocked", true));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.get("name")).isEqualTo("Robert");
        assertThat(patched.json().get("blocked").asBoolean()).isTrue();

        assertThat(call("DELETE", "users/" + encoded, null).status()).isEqualTo(204);
        var gone = call("GET", "users/" + encoded, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("statusCode").asInt()).isEqualTo(404);
        assertThat(gone.get("error")).isEqualTo("Not Found");
        assertThat(gone.get("errorCode")).isEqualTo("inexistent_user");
    }

    @Test
    void aNewUserCanLogInThroughTheLoginPage() {
        call("POST", "users", Map.of("connection", "Username-Password-Authentication",
                "email", "carol@example.test", "password", "carol-password-1"));
        var browser = new Browser(auth.issuer());
        var toLogin = browser.get(Browser.authorizeUrl(ImplicitFlowTest.implicit("openid", "s", "n")));
        var after = browser.logIn(toLogin, "carol@example.test", "carol-password-1");
        assertThat(after.location()).startsWith("/u/consent");
    }

    @Test
    void aClientGrantCreatedThroughTheApiEnablesClientCredentials() {
        var before = client.form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id",
                "lonely-m2m", "client_secret", "lonely-m2m-secret-0123456789", "audience", "organize"));
        assertThat(before.status()).isEqualTo(403);
        var grant = call("POST", "client-grants", Map.of("client_id", "lonely-m2m", "audience", "organize",
                "scope", List.of("read:contacts")));
        assertThat(grant.status()).isEqualTo(201);
        assertThat(grant.get("id")).startsWith("cgr_");
        var after = client.form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id",
                "lonely-m2m", "client_secret", "lonely-m2m-secret-0123456789", "audience", "organize"));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.get("scope")).isEqualTo("read:contacts");
        assertThat(call("GET", "client-grants?client_id=lonely-m2m", null).json()).hasSize(1);
    }

    @Test
    void clientsAndResourceServersCanBeCreatedAndListed() {
        var api = call("POST", "resource-servers", Map.of("name", "Notes", "identifier", "https://notes.example/",
                "scopes", List.of(Map.of("value", "read:notes", "description", "Read your notes"))));
        assertThat(api.status()).isEqualTo(201);
        assertThat(api.get("signing_alg")).isEqualTo("RS256");
        assertThat(api.json().get("token_lifetime").asInt()).isEqualTo(86400);
        var app = call("POST", "clients", Map.of("name", "CLI", "app_type", "non_interactive",
                "grant_types", List.of("client_credentials")));
        assertThat(app.status()).isEqualTo(201);
        assertThat(app.get("client_secret")).isNotBlank();
        assertThat(app.text()).contains("\"is_first_party\":true").doesNotContain("\"public\"");
        var list = call("GET", "clients", null);
        assertThat(list.text()).contains("\"client_id\":\"" + app.get("client_id") + "\"");
        var badName = call("POST", "clients", Map.of("app_type", "spa"));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.get("errorCode")).isEqualTo("invalid_body");
    }

    @Test
    void userGrantsAreListedWithAuth0FieldNamesAndCanBeRevoked() {
        var browser = new Browser(auth.issuer());
        ImplicitFlowTest.loginAndConsent(browser, ImplicitFlowTest.implicit("openid read:calendar", "s", "n"));
        var grants = call("GET", "grants", null);
        assertThat(grants.json()).hasSize(1);
        var grant = grants.json().get(0);
        assertThat(grant.get("clientID").asText()).isEqualTo("organizer-spa");
        assertThat(grant.get("audience").asText()).isEqualTo("organize");
        assertThat(grant.get("scope").toString()).contains("read:calendar");

        assertThat(call("DELETE", "grants/" + grant.get("id").asText(), null).status()).isEqualTo(204);
        var again = browser.get(Browser.authorizeUrl(ImplicitFlowTest.implicit("openid read:calendar", "s", "n")));
        assertThat(again.location()).startsWith("/u/consent"); // consent asked again
    }

    @Test
    void theApiNeedsAManagementTokenWithTheRightScope() {
        var none = client.send(new Request.Builder().url(auth.url("/api/v2/users")).build());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("statusCode").asInt()).isEqualTo(401);

        token = client.m2mToken("organize"); // wrong audience
        assertThat(call("GET", "users", null).status()).isEqualTo(401);

        token = client.m2mToken(auth.issuer() + "api/v2/");
        var forbidden = call("DELETE", "clients/test-m2m", null); // delete:clients not granted
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.get("errorCode")).isEqualTo("insufficient_scope");
    }

    @Test
    void signingKeyRotationKeepsTheOldKeyInTheJwks() throws Exception {
        var before = client.send(new Request.Builder().url(auth.url("/.well-known/jwks.json")).build());
        var oldKid = before.json().get("keys").get(0).get("kid").asText();
        var oldToken = client.m2mToken("organize");
        var rotated = call("POST", "keys/signing/rotate", null);
        assertThat(rotated.status()).isEqualTo(200);
        var newKid = rotated.get("kid");
        assertThat(newKid).isNotEqualTo(oldKid);
        var after = client.send(new Request.Builder().url(auth.url("/.well-known/jwks.json")).build());
        assertThat(after.json().get("keys")).hasSize(2);
        assertThat(after.json().get("keys").get(0).get("kid").asText()).isEqualTo(newKid);
        var newToken = client.m2mToken("organize");
        assertThat(com.auth0.jwt.JWT.decode(newToken).getKeyId()).isEqualTo(newKid);
        var verifier = auth.apiVerifier();
        assertThat(verifier.verify(oldToken).subject()).isEqualTo("test-m2m@clients");
        assertThat(verifier.verify(newToken).subject()).isEqualTo("test-m2m@clients");
    }
}
