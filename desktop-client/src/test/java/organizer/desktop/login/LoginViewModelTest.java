package organizer.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import organizer.common.testing.JwksServer;
import organizer.common.testing.SigningKey;
import organizer.desktop.session.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login's ViewModel, with executors that run at once and a real JWKS over HTTP; no WebView. */
class LoginViewModelTest {
    static final URI CALLBACK = URI.create("http://localhost:3000/callback.html");
    static SigningKey key;
    static JwksServer jwks;

    final List<Tokens> signedIn = new ArrayList<>();
    LoginViewModel model;

    @BeforeAll
    static void startJwks() throws Exception {
        key = SigningKey.generate();
        jwks = JwksServer.start(key);
    }

    @AfterAll
    static void stopJwks() {
        jwks.close();
    }

    @BeforeEach
    void setUp() {
        var authorizer = new Authorizer(URI.create(jwks.issuer()), IdTokenValidatorTest.CLIENT, "organize", CALLBACK,
                Clock.systemUTC());
        model = new LoginViewModel(authorizer, Runnable::run, Runnable::run, signedIn::add);
        model.start("openid profile email read:calendar read:contacts", null);
    }

    Map<String, String> request() {
        var query = URI.create(model.pageProperty().get()).getQuery();
        return java.util.Arrays.stream(query.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }

    String callback(Map<String, String> fields) {
        return CALLBACK + "#" + fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    String success(String state, String nonce) {
        var id = IdTokenValidatorTest.idToken(key, jwks.issuer(), nonce, "AT", b -> { });
        return callback(Map.of("access_token", "AT", "token_type", "Bearer", "expires_in", "7200", "state", state,
                "id_token", id));
    }

    @Test
    void startAsksForImplicitTokensWithFreshStateAndNonce() {
        var first = request();
        assertThat(first).containsEntry("response_type", "id_token token").containsEntry("audience", "organize")
                .containsKey("state").containsKey("nonce");
        model.retry();
        var second = request();
        assertThat(second.get("state")).isNotEqualTo(first.get("state"));
        assertThat(second.get("nonce")).isNotEqualTo(first.get("nonce"));
    }

    @Test
    void callbackWithValidTokensSignsIn() {
        var request = request();
        assertThat(model.onLocation(success(request.get("state"), request.get("nonce")))).isTrue();
        assertThat(signedIn).hasSize(1);
        assertThat(signedIn.get(0).accessToken()).isEqualTo("AT");
        assertThat(model.messageProperty().get()).isNull();
    }

    @Test
    void otherLocationsAreLeftToTheWebView() {
        assertThat(model.onLocation(jwks.issuer() + "login?tx=1")).isFalse();
        assertThat(model.pageProperty().get()).isNotNull();
    }

    @Test
    void tamperedStateIsRejectedAndNothingSignsIn() {
        var request = request();
        assertThat(model.onLocation(success("forged", request.get("nonce")))).isTrue();
        assertThat(signedIn).isEmpty();
        assertThat(model.messageProperty().get()).contains("state");
        assertThat(model.pageProperty().get()).isNull();
    }

    @Test
    void replayedCallbackIsNotJudgedTwice() {
        var request = request();
        var location = success(request.get("state"), request.get("nonce"));
        model.onLocation(location);
        assertThat(model.onLocation(location)).isFalse();
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void declinedConsentExplainsAndTryAgainStartsAFreshAttempt() {
        var request = request();
        model.onLocation(callback(Map.of("error", "access_denied", "error_description",
                "User did not authorize the request", "state", request.get("state"))));
        assertThat(model.messageProperty().get()).startsWith("You declined");
        assertThat(model.pageProperty().get()).isNull();
        model.retry();
        assertThat(model.pageProperty().get()).isNotNull();
        assertThat(request().get("state")).isNotEqualTo(request.get("state"));
        assertThat(model.messageProperty().get()).isNull();
    }

    @Test
    void errorWithForeignStateIsRejectedToo() {
        model.onLocation(callback(Map.of("error", "access_denied", "state", "forged")));
        assertThat(model.messageProperty().get()).contains("state mismatch");
    }

    @Test
    void unreachableServerSaysSo() {
        model.onLoadFailed(jwks.issuer() + "authorize");
        assertThat(model.messageProperty().get()).startsWith("Cannot reach the sign-in server");
        assertThat(model.pageProperty().get()).isNull();
    }
}
