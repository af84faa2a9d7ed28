package organizer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import organizer.auth.token.TokenIssuer;

class MoreFlowsTest {
    static final String CALLBACK = ImplicitFlowTest.CALLBACK;

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock();
    TestServer auth;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        auth = TestServer.start(AuthConfig.embedded(dir, TestServer.testTenant()), clock);
        browser = new Browser(auth.issuer());
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    @Test
    void hybridCodeIdTokenCarriesCHashAndTheCodeStillNeedsPkce() throws Exception {
        var p = new LinkedHashMap<String, String>();
        p.put("response_type", "code id_token");
        p.put("client_id", "organizer-spa");
        p.put("redirect_uri", CALLBACK);
        p.put("scope", "openid");
        p.put("state", "h");
        p.put("nonce", "hn");
        p.put("code_challenge", CodeFlowTest.challenge(CodeFlowTest.VERIFIER));
        p.put("code_challenge_method", "S256");
        var done = ImplicitFlowTest.loginAndConsent(browser, p);
        var f = done.fragment();
        var id = JWT.decode(f.get("id_token"));
        assertThat(id.getClaim("c_hash").asString()).isEqualTo(TokenIssuer.leftHalfHash(f.get("code")));
        assertThat(id.getClaim("nonce").asString()).isEqualTo("hn");
        assertThat(id.getClaim("at_hash").isMissing()).isTrue();
        var answer = new TokenClient(auth).form("/oauth/token", Map.of("grant_type", "authorization_code",
                "client_id", "organizer-spa", "code", f.get("code"), "redirect_uri", CALLBACK,
                "code_verifier", CodeFlowTest.VERIFIER));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(JWT.decode(answer.get("id_token")).getClaim("nonce").asString()).isEqualTo("hn");
    }

    @Test
    void promptLoginAndMaxAgeAskForTheCredentialsAgain() {
        ImplicitFlowTest.loginAndConsent(browser, ImplicitFlowTest.implicit("openid read:calendar", "s", "n"));
        var login = ImplicitFlowTest.implicit("openid read:calendar", "s", "n");
        login.put("prompt", "login");
        assertThat(browser.get(Browser.authorizeUrl(login)).location()).startsWith("/u/login?state=");

        clock.advance(Duration.ofMinutes(10));
        var fresh = ImplicitFlowTest.implicit("openid read:calendar", "s", "n");
        fresh.put("max_age", "3600");
        assertThat(browser.get(Browser.authorizeUrl(fresh)).fragment()).containsKey("access_token");
        fresh.put("max_age", "60");
        assertThat(browser.get(Browser.authorizeUrl(fresh)).location()).startsWith("/u/login?state=");
        fresh.put("prompt", "none");
        assertThat(browser.get(Browser.authorizeUrl(fresh)).fragment()).containsEntry("error", "login_required");
    }

    @Test
    void oidcLogoutWithAnIdTokenHintReturnsWithState() {
        var done = ImplicitFlowTest.loginAndConsent(browser, ImplicitFlowTest.implicit("openid read:calendar", "s", "n"));
        var hint = done.fragment().get("id_token");
        var out = browser.get("/oidc/logout?id_token_hint=" + hint
                + "&post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A3000&state=bye%20now");
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).isEqualTo("http://localhost:3000?state=bye+now");
        var silent = ImplicitFlowTest.implicit("openid read:calendar", "s", "n");
        silent.put("prompt", "none");
        assertThat(browser.get(Browser.authorizeUrl(silent)).fragment()).containsEntry("error", "login_required");

        var forged = browser.get("/oidc/logout?id_token_hint=eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0."
                + "&post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A3000");
        assertThat(forged.status()).isEqualTo(400);
    }

    @Test
    void userinfoRefusesMissingForeignAndNonOpenidTokens() {
        var client = new TokenClient(auth);
        var none = client.send(client.request("/userinfo").build());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers().get("WWW-Authenticate")).startsWith("Bearer");
        var m2m = client.m2mToken("organize"); // audience lacks /userinfo
        var refused = client.send(client.request("/userinfo").header("Authorization", "Bearer " + m2m).build());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().get("WWW-Authenticate")).contains("invalid_token");

        var done = ImplicitFlowTest.loginAndConsent(browser, new LinkedHashMap<>(Map.of("response_type", "token",
                "client_id", "organizer-spa", "redirect_uri", CALLBACK, "scope", "openid email", "state", "s")));
        var token = done.fragment().get("access_token");
        assertThat(JWT.decode(token).getAudience()).containsExactly(auth.issuer() + "userinfo");
        var info = client.send(client.request("/userinfo").header("Authorization", "Bearer " + token).build());
        assertThat(info.get("email")).isEqualTo("alice@example.test");
        assertThat(info.get("name")).isNull(); // profile not granted
    }

    @Test
    void aRequestWithoutScopesNeedsNoConsent() {
        var toLogin = browser.get(Browser.authorizeUrl(Map.of("response_type", "token", "client_id", "organizer-spa",
                "redirect_uri", CALLBACK, "audience", "organize", "state", "s")));
        var done = browser.logIn(toLogin, "alice@example.test", "alice-password-1");
        assertThat(done.location()).startsWith(CALLBACK + "#");
        assertThat(JWT.decode(done.fragment().get("access_token")).getClaim("scope").asString()).isEmpty();
    }

    @Test
    void expiredAuthorizationCodesAreRefused() throws Exception {
        var p = new LinkedHashMap<String, String>(Map.of("response_type", "code", "client_id", "organizer-spa",
                "redirect_uri", CALLBACK, "scope", "openid", "state", "s",
                "code_challenge", CodeFlowTest.challenge(CodeFlowTest.VERIFIER), "code_challenge_method", "S256"));
        var code = ImplicitFlowTest.loginAndConsent(browser, p).query().get("code");
        clock.advance(Duration.ofSeconds(61));
        var answer = new TokenClient(auth).form("/oauth/token", Map.of("grant_type", "authorization_code",
                "client_id", "organizer-spa", "code", code, "redirect_uri", CALLBACK,
                "code_verifier", CodeFlowTest.VERIFIER));
        assertThat(answer.get("error")).isEqualTo("invalid_grant");
        assertThat(answer.get("error_description")).contains("expired");
    }

    @Test
    void theClockOfTheTokensIsTheServers() {
        var token = new TokenClient(auth).m2mToken("organize");
        var jwt = JWT.decode(token);
        assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(Duration.between(jwt.getIssuedAtAsInstant(), jwt.getExpiresAtAsInstant())).hasSeconds(3600);
    }
}
