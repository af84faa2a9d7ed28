package organizer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import organizer.auth.token.TokenIssuer;

class ImplicitFlowTest {
    static final String CALLBACK = "http://localhost:3000/callback.html";

    @TempDir
    Path dir;
    TestServer auth;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        auth = TestServer.start(dir);
        browser = new Browser(auth.issuer());
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    static Map<String, String> implicit(String scope, String state, String nonce) {
        var p = new LinkedHashMap<String, String>();
        p.put("response_type", "id_token token");
        p.put("client_id", "organizer-spa");
        p.put("redirect_uri", CALLBACK);
        p.put("audience", "organize");
        p.put("scope", scope);
        p.put("state", state);
        p.put("nonce", nonce);
        p.put("auth0Client", "eyJuYW1lIjoiYXV0aDAuanMifQ"); // ignored, as Auth0 does
        return p;
    }

    /** Logs in and consents; returns the final redirect. */
    static Browser.Page loginAndConsent(Browser browser, Map<String, String> params) {
        var toLogin = browser.get(Browser.authorizeUrl(params));
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.location()).startsWith("/u/login?state=");
        var afterLogin = browser.logIn(toLogin, "alice@example.test", "alice-password-1");
        assertThat(afterLogin.status()).isEqualTo(302);
        assertThat(afterLogin.location()).startsWith("/u/consent?state=");
        return browser.consent(afterLogin, "accept");
    }

    @Test
    void implicitLoginConsentThenTokenInFragmentThatTheApiVerifierAccepts() throws Exception {
        var done = loginAndConsent(browser, implicit("openid profile email read:calendar read:contacts", "st-1", "n-1"));

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).startsWith(CALLBACK + "#");
        var f = done.fragment();
        assertThat(f).containsEntry("token_type", "Bearer").containsEntry("expires_in", "600")
                .containsEntry("state", "st-1").doesNotContainKey("scope");
        var verified = auth.apiVerifier().verify(f.get("access_token"));
        assertThat(verified.scopes()).contains("read:calendar", "read:contacts", "openid");
        assertThat(verified.subject()).matches("auth0\\|[0-9a-f]{24}");
        assertThat(verified.azp()).isEqualTo("organizer-spa");
        var at = JWT.decode(f.get("access_token"));
        assertThat(at.getAudience()).containsExactly("organize", auth.issuer() + "userinfo");
        assertThat(at.getClaim("gty").isMissing()).isTrue();
        assertThat(at.getKeyId()).isNotBlank();

        var id = JWT.decode(f.get("id_token"));
        assertThat(id.getAudience()).containsExactly("organizer-spa");
        assertThat(id.getIssuer()).isEqualTo(auth.issuer());
        assertThat(id.getClaim("nonce").asString()).isEqualTo("n-1");
        assertThat(id.getClaim("at_hash").asString()).isEqualTo(TokenIssuer.leftHalfHash(f.get("access_token")));
        assertThat(id.getClaim("sid").asString()).isNotBlank();
        assertThat(id.getClaim("auth_time").asLong()).isPositive();
        assertThat(id.getClaim("email").asString()).isEqualTo("alice@example.test");
        assertThat(id.getClaim("name").asString()).isEqualTo("Alice Example");
        assertThat(id.getSubject()).isEqualTo(verified.subject());
    }

    @Test
    void theLoginPageHasStableIdsAndCannotBeFramed() {
        var toLogin = browser.get(Browser.authorizeUrl(implicit("openid", "s", "n")));
        var page = browser.get(toLogin.location());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"email\" name=\"email\"", "id=\"password\" name=\"password\"",
                "id=\"submit\"", "id=\"signup-link\"");
        assertThat(page.headers().get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.headers().get("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(page.headers().get("Cache-Control")).isEqualTo("no-store");
        assertThat(page.body()).doesNotContain("http://", "https://"); // self-contained: no external assets
    }

    @Test
    void consentIsRememberedThenAskedAgainForMoreScopesAndForcedByPromptConsent() {
        loginAndConsent(browser, implicit("openid read:calendar", "a", "n"));

        var again = browser.get(Browser.authorizeUrl(implicit("openid read:calendar", "b", "n")));
        assertThat(again.location()).startsWith(CALLBACK + "#");
        assertThat(again.fragment()).containsKey("access_token").containsEntry("state", "b");

        var more = browser.get(Browser.authorizeUrl(implicit("openid read:calendar read:contacts", "c", "n")));
        assertThat(more.location()).startsWith("/u/consent?state=");
        var page = browser.get(more.location());
        assertThat(page.body()).contains("Read your calendar", "Read your contacts", "id=\"accept\"", "id=\"decline\"");

        var forced = implicit("openid read:calendar", "d", "n");
        forced.put("prompt", "consent");
        assertThat(browser.get(Browser.authorizeUrl(forced)).location()).startsWith("/u/consent?state=");
    }

    @Test
    void declinedConsentAnswersAccessDenied() {
        var toLogin = browser.get(Browser.authorizeUrl(implicit("openid read:contacts", "s-9", "n")));
        var afterLogin = browser.logIn(toLogin, "alice@example.test", "alice-password-1");
        var declined = browser.consent(afterLogin, "decline");
        assertThat(declined.location()).startsWith(CALLBACK + "#");
        assertThat(declined.fragment()).containsEntry("error", "access_denied")
                .containsEntry("error_description", "User did not authorize the request")
                .containsEntry("state", "s-9").doesNotContainKey("access_token");
    }

    @Test
    void promptNoneWithoutSessionIsLoginRequiredAndWithoutConsentIsConsentRequired() {
        var silent = implicit("openid read:calendar", "s", "n");
        silent.put("prompt", "none");
        var noSession = browser.get(Browser.authorizeUrl(silent));
        assertThat(noSession.fragment()).containsEntry("error", "login_required")
                .containsEntry("error_description", "Login required").containsEntry("state", "s");

        loginAndConsent(browser, implicit("openid read:calendar", "x", "n"));
        assertThat(browser.get(Browser.authorizeUrl(silent)).fragment()).containsKey("access_token");

        var wider = implicit("openid read:calendar read:contacts", "s2", "n");
        wider.put("prompt", "none");
        assertThat(browser.get(Browser.authorizeUrl(wider)).fragment()).containsEntry("error", "consent_required")
                .containsEntry("error_description", "Consent required");
    }

    @Test
    void unknownScopesAreDroppedAndTheGrantedScopeReturned() {
        var done = loginAndConsent(browser, new LinkedHashMap<>(Map.of("response_type", "token",
                "client_id", "organizer-spa", "redirect_uri", CALLBACK, "audience", "organize",
                "scope", "read:calendar write:everything", "state", "s")));
        assertThat(done.fragment()).containsEntry("scope", "read:calendar").doesNotContainKey("id_token");
        var at = JWT.decode(done.fragment().get("access_token"));
        assertThat(at.getAudience()).containsExactly("organize");
    }

    @Test
    void loginHintPrefillsAndSignUpCreatesAnAccount() {
        var params = implicit("openid read:calendar", "s", "n");
        params.put("screen_hint", "signup");
        params.put("login_hint", "new@example.test");
        var toSignup = browser.get(Browser.authorizeUrl(params));
        assertThat(toSignup.location()).startsWith("/u/signup?state=");
        var page = browser.get(toSignup.location());
        assertThat(page.body()).contains("value=\"new@example.test\"", "id=\"login-link\"");
        var weak = browser.post("/u/signup", Map.of("state", page.hidden("state"), "_csrf", page.hidden("_csrf"),
                "email", "new@example.test", "password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("data-error=\"invalid_password\"");
        var taken = browser.post("/u/signup", Map.of("state", page.hidden("state"), "_csrf", page.hidden("_csrf"),
                "email", "alice@example.test", "password", "long-enough-1"));
        assertThat(taken.body()).contains("data-error=\"user_exists\"");
        var created = browser.post("/u/signup", Map.of("state", page.hidden("state"), "_csrf", page.hidden("_csrf"),
                "email", "new@example.test", "password", "long-enough-1"));
        assertThat(created.location()).startsWith("/u/consent?state=");
        var done = browser.consent(created, "accept");
        assertThat(JWT.decode(done.fragment().get("id_token")).getSubject()).startsWith("auth0|");
    }

    @Test
    void formPostAndWebMessageDeliverTheSameFields() {
        loginAndConsent(browser, implicit("openid read:calendar", "s", "n"));

        var formPost = implicit("openid read:calendar", "fp", "n");
        formPost.put("response_mode", "form_post");
        var page = browser.get(Browser.authorizeUrl(formPost));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"" + CALLBACK + "\"", "name=\"access_token\"", "name=\"state\" value=\"fp\"");

        var web = implicit("openid read:calendar", "wm", "n");
        web.put("response_mode", "web_message");
        web.put("prompt", "none");
        var message = browser.get(Browser.authorizeUrl(web));
        assertThat(message.status()).isEqualTo(200);
        assertThat(message.body()).contains("<title>Authorization Response</title>", "\"authorization_response\"",
                "\"wm\"", "\"http://localhost:3000\");").doesNotContain("\"*\"");
        assertThat(message.headers().get("Content-Security-Policy")).endsWith("frame-ancestors http://localhost:3000");
        assertThat(message.headers().get("X-Frame-Options")).isNull();
    }

    @Test
    void logoutEndsTheSessionAndReturnsOnlyToAllowedUrls() {
        loginAndConsent(browser, implicit("openid read:calendar", "s", "n"));
        var silent = implicit("openid read:calendar", "s", "n");
        silent.put("prompt", "none");
        assertThat(browser.get(Browser.authorizeUrl(silent)).fragment()).containsKey("access_token");

        var evil = browser.get("/v2/logout?client_id=organizer-spa&returnTo=https%3A%2F%2Fevil.example%2F");
        assertThat(evil.status()).isEqualTo(400);
        assertThat(evil.location()).isNull();
        assertThat(browser.get(Browser.authorizeUrl(silent)).fragment()).containsKey("access_token");

        var out = browser.get("/v2/logout?client_id=organizer-spa&returnTo=http%3A%2F%2Flocalhost%3A3000");
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).isEqualTo("http://localhost:3000");
        assertThat(browser.get(Browser.authorizeUrl(silent)).fragment()).containsEntry("error", "login_required");
    }
}
