package organizer.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class PkceLoginTest {
    @Test
    void challengeIsS256OfTheVerifier() {
        // RFC 7636, Appendix B
        assertThat(PkceLogin.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void loopbackCallbackWithForeignStateIsRejected() throws Exception {
        var http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
        var login = new PkceLogin(URI.create("http://127.0.0.1:9/"), "organizer-spa", "organize", 0, http, Clock.systemUTC());
        var sent = new URI[1];
        var outcome = login.login("openid", uri -> sent[0] = uri);
        var query = sent[0].getRawQuery();
        assertThat(query).contains("response_type=code").contains("code_challenge_method=S256");
        var redirect = java.net.URLDecoder.decode(query.replaceAll(".*redirect_uri=([^&]+).*", "$1"), "UTF-8");
        assertThat(redirect).matches("http://127\\.0\\.0\\.1:\\d+/callback");
        try (var response = http.newCall(new Request.Builder().url(redirect + "?code=c&state=forged").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("does not belong");
        }
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(Authorizer.Rejected.class);
    }

    @Test
    void loopbackCallbackWithAnErrorIsDenied() throws Exception {
        var http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
        var login = new PkceLogin(URI.create("http://127.0.0.1:9/"), "organizer-spa", "organize", 0, http, Clock.systemUTC());
        var sent = new URI[1];
        var outcome = login.login("openid", uri -> sent[0] = uri);
        var query = sent[0].getRawQuery();
        var redirect = java.net.URLDecoder.decode(query.replaceAll(".*redirect_uri=([^&]+).*", "$1"), "UTF-8");
        var state = query.replaceAll(".*[?&]?state=([^&]+).*", "$1");
        try (var response = http.newCall(new Request.Builder()
                .url(redirect + "?error=access_denied&error_description=User%20did%20not%20authorize%20the%20request&state=" + state)
                .build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(outcome.get(5, TimeUnit.SECONDS))
                .isEqualTo(new Authorizer.Denied("access_denied", "User did not authorize the request"));
    }
}
