package organizer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.FormBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeFlowTest {
    static final String CALLBACK = "http://localhost:3000/callback.html";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r7wW1gFWFOEjXk-verifier";

    @TempDir
    Path dir;
    TestServer auth;
    Browser browser;
    TokenClient client;

    @BeforeEach
    void start() throws Exception {
        auth = TestServer.start(dir);
        browser = new Browser(auth.issuer());
        client = new TokenClient(auth);
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    static String challenge(String verifier) throws Exception {
        var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    Map<String, String> codeRequest(String scope) throws Exception {
        var p = new LinkedHashMap<String, String>();
        p.put("response_type", "code");
        p.put("client_id", "organizer-spa");
        p.put("redirect_uri", CALLBACK);
        p.put("audience", "organize");
        p.put("scope", scope);
        p.put("state", "st");
        p.put("code_challenge", challenge(VERIFIER));
        p.put("code_challenge_method", "S256");
        return p;
    }

    String code(Map<String, String> params) {
        var done = ImplicitFlowTest.loginAndConsent(browser, params);
        assertThat(done.location()).startsWith(CALLBACK + "?");
        assertThat(done.query()).containsEntry("state", "st");
        return done.query().get("code");
    }

    TokenClient.Answer exchange(String code, String verifier) {
        var form = new LinkedHashMap<String, String>(Map.of("grant_type", "authorization_code",
                "client_id", "organizer-spa", "code", code, "redirect_uri", CALLBACK));
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return client.form("/oauth/token", form);
    }

    @Test
    void codeWithPkceGivesAccessIdAndRefreshTokens() throws Exception {
        var code = code(codeRequest("openid profile offline_access read:calendar"));
        var answer = exchange(code, VERIFIER);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("expires_in").asInt()).isEqualTo(3600);
        assertThat(auth.apiVerifier().verify(answer.get("access_token")).scopes()).contains("read:calendar");
        var id = JWT.decode(answer.get("id_token"));
        assertThat(id.getClaim("at_hash").asString()).isNotBlank();
        assertThat(answer.get("refresh_token")).isNotBlank();

        var info = client.send(client.request("/userinfo").header("Authorization", "Bearer "
                + answer.get("access_token")).build());
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.get("sub")).isEqualTo(id.getSubject());
        assertThat(info.get("name")).isEqualTo("Alice Example");
        assertThat(info.get("email")).isNull(); // email scope not asked for
    }

    @Test
    void codeReplayFailsAndRevokesTheRefreshTokensItIssued() throws Exception {
        var code = code(codeRequest("openid offline_access read:calendar"));
        var first = exchange(code, VERIFIER);
        assertThat(first.status()).isEqualTo(200);
        var replay = exchange(code, VERIFIER);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.get("error")).isEqualTo("invalid_grant");
        var refresh = client.form("/oauth/token", Map.of("grant_type", "refresh_token", "client_id", "organizer-spa",
                "refresh_token", first.get("refresh_token")));
        assertThat(refresh.get("error")).isEqualTo("invalid_grant");
    }

    @Test
    void wrongOrMissingVerifierIsRefused() throws Exception {
        var wrong = exchange(code(codeRequest("openid read:calendar")),
                "a-completely-different-verifier-that-is-long-enough-0123");
        assertThat(wrong.get("error")).isEqualTo("invalid_grant");
        var again = browser.get(Browser.authorizeUrl(codeRequest("openid read:calendar"))); // SSO, consent remembered
        var missing = exchange(again.query().get("code"), null);
        assertThat(missing.get("error")).isEqualTo("invalid_grant");
        assertThat(missing.get("error_description")).contains("code_verifier");
    }

    @Test
    void pkceDowngradeIsRefused() {
        // A confidential client may omit PKCE; sending a verifier for a code issued without a challenge is refused.
        var params = new LinkedHashMap<String, String>(Map.of("response_type", "code", "client_id", "web-app",
                "redirect_uri", "https://app.example/callback", "scope", "openid", "state", "st"));
        var done = ImplicitFlowTest.loginAndConsent(browser, params);
        var code = done.query().get("code");
        var basic = "Basic " + Base64.getEncoder().encodeToString("web-app:web-app-secret-0123456789"
                .getBytes(StandardCharsets.UTF_8));
        var answer = client.send(client.request("/oauth/token").header("Authorization", basic)
                .post(new FormBody.Builder().add("grant_type", "authorization_code").add("code", code)
                        .add("redirect_uri", "https://app.example/callback").add("code_verifier", VERIFIER).build())
                .build());
        assertThat(answer.get("error")).isEqualTo("invalid_grant");
        assertThat(answer.get("error_description")).contains("no code_challenge");
    }

    @Test
    void publicClientsMustUsePkceAndOnlyS256() throws Exception {
        var noPkce = codeRequest("openid");
        noPkce.remove("code_challenge");
        noPkce.remove("code_challenge_method");
        var answer = browser.get(Browser.authorizeUrl(noPkce));
        assertThat(answer.location()).startsWith(CALLBACK + "?");
        assertThat(answer.query()).containsEntry("error", "invalid_request");

        var plain = codeRequest("openid");
        plain.put("code_challenge_method", "plain");
        assertThat(browser.get(Browser.authorizeUrl(plain)).query()).containsEntry("error", "invalid_request");
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() throws Exception {
        var first = exchange(code(codeRequest("openid offline_access read:calendar")), VERIFIER);
        var r1 = first.get("refresh_token");
        var second = client.form("/oauth/token", Map.of("grant_type", "refresh_token", "client_id", "organizer-spa",
                "refresh_token", r1));
        assertThat(second.status()).isEqualTo(200);
        var r2 = second.get("refresh_token");
        assertThat(r2).isNotEqualTo(r1);
        assertThat(second.get("id_token")).isNotBlank();

        var reuse = client.form("/oauth/token", Map.of("grant_type", "refresh_token", "client_id", "organizer-spa",
                "refresh_token", r1));
        assertThat(reuse.status()).isEqualTo(400);
        assertThat(reuse.get("error")).isEqualTo("invalid_grant");
        var afterReuse = client.form("/oauth/token", Map.of("grant_type", "refresh_token", "client_id",
                "organizer-spa", "refresh_token", r2));
        assertThat(afterReuse.get("error")).isEqualTo("invalid_grant");
    }

    @Test
    void revokedRefreshTokensStopWorking() throws Exception {
        var first = exchange(code(codeRequest("openid offline_access read:calendar")), VERIFIER);
        var revoke = client.form("/oauth/revoke", Map.of("client_id", "organizer-spa", "token",
                first.get("refresh_token")));
        assertThat(revoke.status()).isEqualTo(200);
        var refresh = client.form("/oauth/token", Map.of("grant_type", "refresh_token", "client_id", "organizer-spa",
                "refresh_token", first.get("refresh_token")));
        assertThat(refresh.get("error")).isEqualTo("invalid_grant");
    }

    @Test
    void redirectUriMustMatchTheAuthorizationRequest() throws Exception {
        var code = code(codeRequest("openid"));
        var answer = client.form("/oauth/token", Map.of("grant_type", "authorization_code", "client_id",
                "organizer-spa", "code", code, "redirect_uri", "http://localhost:3000", "code_verifier", VERIFIER));
        assertThat(answer.get("error")).isEqualTo("invalid_grant");
    }
}
