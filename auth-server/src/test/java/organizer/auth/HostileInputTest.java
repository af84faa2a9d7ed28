package organizer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileInputTest {
    static final String CALLBACK = ImplicitFlowTest.CALLBACK;

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

    @Test
    void unknownClientGetsAnEscapedHtmlPageAndNoRedirect() {
        var params = ImplicitFlowTest.implicit("openid", "s", "n");
        params.put("client_id", "<script>alert(1)</script>");
        var page = browser.get(Browser.authorizeUrl(params));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.headers().get("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Unknown client").doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;");
    }

    @Test
    void afterTheCallbackIsTrustedErrorsGoBackThroughTheResponseMode() {
        var noImplicit = ImplicitFlowTest.implicit("openid", "s", "n");
        noImplicit.put("client_id", "web-app");
        noImplicit.put("redirect_uri", "https://app.example/callback");
        assertThat(browser.get(Browser.authorizeUrl(noImplicit)).fragment())
                .containsEntry("error", "unauthorized_client")
                .containsEntry("error_description", "Grant type 'implicit' not allowed for the client.")
                .containsEntry("state", "s");

        var unknownApi = ImplicitFlowTest.implicit("openid", "s", "n");
        unknownApi.put("audience", "https://nowhere.example/");
        assertThat(browser.get(Browser.authorizeUrl(unknownApi)).fragment())
                .containsEntry("error", "access_denied")
                .containsEntry("error_description", "Service not found: https://nowhere.example/");

        var noNonce = ImplicitFlowTest.implicit("openid", "s", "n");
        noNonce.remove("nonce");
        assertThat(browser.get(Browser.authorizeUrl(noNonce)).fragment()).containsEntry("error", "invalid_request");

        var badType = ImplicitFlowTest.implicit("openid", "s", "n");
        badType.put("response_type", "token banana");
        assertThat(browser.get(Browser.authorizeUrl(badType)).query())
                .containsEntry("error", "unsupported_response_type");
    }

    @Test
    void webMessageToAnOriginOutsideWebOriginsIsA400PageWithNothingPosted() {
        var params = ImplicitFlowTest.implicit("openid", "s", "n");
        params.put("client_id", "web-app");
        params.put("redirect_uri", "https://app.example/callback");
        params.put("response_mode", "web_message");
        var page = browser.get(Browser.authorizeUrl(params));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("postMessage");
    }

    @Test
    void returnToOutsideAllowedLogoutUrlsIsRefused() {
        for (var target : new String[] {"https://evil.example/", "http://localhost:3000.evil.example",
                "http://localhost:3000/../evil", "//evil.example"}) {
            var page = browser.get("/v2/logout?client_id=organizer-spa&returnTo="
                    + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(page.status()).as(target).isEqualTo(400);
            assertThat(page.location()).isNull();
        }
        var noClient = browser.get("/v2/logout?returnTo=https%3A%2F%2Fevil.example%2F");
        assertThat(noClient.status()).isEqualTo(400);
        var oidc = browser.get("/oidc/logout?client_id=organizer-spa&post_logout_redirect_uri=https%3A%2F%2Fevil.example");
        assertThat(oidc.status()).isEqualTo(400);
        assertThat(oidc.location()).isNull();
    }

    @Test
    void loginWithoutOrWithAWrongCsrfTokenIsRefused() {
        var toLogin = browser.get(Browser.authorizeUrl(ImplicitFlowTest.implicit("openid", "s", "n")));
        var page = browser.get(toLogin.location());
        var missing = browser.post("/u/login", Map.of("state", page.hidden("state"),
                "email", "alice@example.test", "password", "alice-password-1"));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).contains("invalid_csrf");
        var wrong = browser.post("/u/login", Map.of("state", page.hidden("state"), "_csrf", "guess",
                "email", "alice@example.test", "password", "alice-password-1"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(browser.cookie("auth0")).isNull();
    }

    @Test
    void aLoginFormPostedFromAnotherBrowserIsRefused() {
        var toLogin = browser.get(Browser.authorizeUrl(ImplicitFlowTest.implicit("openid", "s", "n")));
        var page = browser.get(toLogin.location());
        var attacker = new Browser(auth.issuer()); // no device cookie of the transaction (cross-site post)
        var answer = attacker.post("/u/login", Map.of("state", page.hidden("state"), "_csrf", page.hidden("_csrf"),
                "email", "alice@example.test", "password", "alice-password-1"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.location()).isNull();
    }

    @Test
    void scriptInEmailAndParametersIsReflectedEscaped() {
        var params = ImplicitFlowTest.implicit("openid", "s", "n");
        params.put("login_hint", "\"><script>alert('hint')</script>");
        var toLogin = browser.get(Browser.authorizeUrl(params));
        var page = browser.get(toLogin.location());
        assertThat(page.body()).doesNotContain("<script>alert('hint')</script>").contains("&lt;script&gt;");

        var answer = browser.post("/u/login", Map.of("state", page.hidden("state"), "_csrf", page.hidden("_csrf"),
                "email", "<script>alert('x')</script>@example.test", "password", "wrong-password"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("<script>alert('x')</script>").contains("&lt;script&gt;");
        assertThat(answer.body()).contains("data-error=\"invalid_user_password\"");
    }

    @Test
    void tenFailedLoginsForOneIpAndUserAreAnsweredTooManyAttempts() {
        var toLogin = browser.get(Browser.authorizeUrl(ImplicitFlowTest.implicit("openid", "s", "n")));
        var page = browser.get(toLogin.location());
        var form = Map.of("state", page.hidden("state"), "_csrf", page.hidden("_csrf"),
                "email", "alice@example.test", "password", "wrong-password");
        for (int i = 1; i < 10; i++) {
            assertThat(browser.post("/u/login", form).status()).as("attempt " + i).isEqualTo(400);
        }
        var tenth = browser.post("/u/login", form);
        assertThat(tenth.status()).isEqualTo(429);
        assertThat(tenth.body()).contains("data-error=\"too_many_attempts\"");
        var right = browser.post("/u/login", Map.of("state", page.hidden("state"), "_csrf", page.hidden("_csrf"),
                "email", "alice@example.test", "password", "alice-password-1"));
        assertThat(right.status()).isEqualTo(429); // blocked even with the right password
        assertThat(browser.cookie("auth0")).isNull();
    }

    @Test
    void oversizedAndRepeatedParametersAreRefusedWithoutEcho() {
        var params = ImplicitFlowTest.implicit("openid", "s", "n");
        params.put("state", "x".repeat(5000));
        var page = browser.get(Browser.authorizeUrl(params));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.body()).doesNotContain("x".repeat(100));

        var huge = browser.get("/authorize?client_id=organizer-spa&state=" + "y".repeat(20000));
        assertThat(huge.status()).isBetween(400, 431);
        assertThat(huge.location()).isNull();

        var repeated = browser.get(Browser.authorizeUrl(ImplicitFlowTest.implicit("openid", "s", "n"))
                + "&redirect_uri=https%3A%2F%2Fevil.example");
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.location()).isNull();
    }

    @Test
    void tokenEndpointRefusesOversizedJson() {
        var client = new TokenClient(auth);
        var answer = client.json("/oauth/token", Map.of("grant_type", "client_credentials", "client_id",
                "test-m2m", "padding", "z".repeat(70_000)));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.get("error")).isEqualTo("invalid_request");
    }
}
