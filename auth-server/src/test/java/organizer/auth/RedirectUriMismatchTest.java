package organizer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Callback matching is exact; a mismatch ends on an HTML page. One server for the table (nothing is changed). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedirectUriMismatchTest {
    TestServer auth;
    Browser browser;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        auth = TestServer.start(dir);
        browser = new Browser(auth.issuer());
    }

    @AfterAll
    void stop() {
        auth.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://localhost:3000/callback.html/",          // trailing slash
            "http://localhost:3000/",                        // trailing slash on the bare origin
            "http://localhost:3000/callback",                // prefix
            "http://localhost:3000/callback.html.evil.example",
            "http://LOCALHOST:3000/callback.html",           // case
            "http://localhost:3000/Callback.html",
            "http://localhost:3000/callback.html?x=1",       // extra query
            "http://localhost:3000/callback.html#x",
            "http://localhost:30000/callback.html",
            "https://evil.example/callback.html",
            "javascript:alert(1)//http://localhost:3000",
            "http://localhost:3000@evil.example/callback.html"})
    void redirectUriMismatchNeverRedirects(String redirectUri) {
        var params = ImplicitFlowTest.implicit("openid", "s", "n");
        params.put("redirect_uri", redirectUri);
        var page = browser.get(Browser.authorizeUrl(params));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.body()).contains("Callback URL mismatch.", "is not in the list of allowed callback URLs");
    }

}
