package organizer.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class AuthorizeUrlTest {
    private static final URI ISSUER = URI.create("http://localhost:4000/");
    private static final URI CALLBACK = URI.create("http://localhost:3000/callback.html");

    @Test
    void implicitCarriesTheReferencePagesParameters() {
        var url = AuthorizeUrl.implicit(ISSUER, "organizer-spa", CALLBACK, "organize",
                "openid profile email read:calendar read:contacts", "st", "no", null);
        assertThat(url.toString()).isEqualTo("http://localhost:4000/authorize?response_type=id_token%20token"
                + "&client_id=organizer-spa&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback.html"
                + "&audience=organize&scope=openid%20profile%20email%20read%3Acalendar%20read%3Acontacts"
                + "&state=st&nonce=no");
    }

    @Test
    void implicitWithPromptNone() {
        var url = AuthorizeUrl.implicit(ISSUER, "c", CALLBACK, "organize", "openid", "s", "n", "none");
        assertThat(url.getRawQuery()).endsWith("&prompt=none");
    }

    @Test
    void logoutNamesClientAndReturnTo() {
        assertThat(AuthorizeUrl.logout(ISSUER, "organizer-spa", URI.create("http://localhost:3000")).toString())
                .isEqualTo("http://localhost:4000/v2/logout?client_id=organizer-spa&returnTo=http%3A%2F%2Flocalhost%3A3000");
    }

    @Test
    void codeRequestUsesS256() {
        var url = AuthorizeUrl.code(ISSUER, "c", URI.create("http://127.0.0.1:5123/callback"), "organize", "openid",
                "s", "n", "challenge");
        assertThat(url.getRawQuery()).startsWith("response_type=code&").contains("&code_challenge=challenge&code_challenge_method=S256");
    }

    @Test
    void randomValuesAreFreshAndLongEnough() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var value = AuthorizeUrl.random();
            assertThat(value).hasSize(22).matches("[A-Za-z0-9_-]+");
            seen.add(value);
        }
        assertThat(seen).hasSize(1000);
    }
}
