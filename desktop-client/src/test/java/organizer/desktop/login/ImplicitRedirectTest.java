package organizer.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImplicitRedirectTest {
    private static final URI CALLBACK = URI.create("http://localhost:3000/callback.html");

    @ParameterizedTest
    @CsvSource({
            "http://localhost:3000/callback.html#access_token=a, true",
            "http://localhost:3000/callback.html?error=x, true",
            "http://localhost:3000/callback.html, true",
            "http://localhost:3000/callback.htmlx#access_token=a, false",
            "http://localhost:3000/callback.html.evil.test/#a, false",
            "http://localhost:4000/authorize?redirect_uri=http://localhost:3000/callback.html, false",
            "https://localhost:3000/callback.html#access_token=a, false",
            "http://localhost:3000/, false",
    })
    void isCallbackMatchesOnlyTheExactCallback(String location, boolean expected) {
        assertThat(ImplicitRedirect.isCallback(location, CALLBACK)).isEqualTo(expected);
    }

    @Test
    void parseWhenFragmentHasTokensThenSuccess() {
        var parsed = ImplicitRedirect.parse(CALLBACK + "#access_token=AT&token_type=Bearer&expires_in=7200"
                + "&scope=openid%20read%3Acontacts&state=S1&id_token=ID");
        assertThat(parsed).isEqualTo(new ImplicitRedirect.Success("AT", "Bearer", 7200, "openid read:contacts", "ID", "S1"));
        assertThat(parsed.toString()).doesNotContain("AT").doesNotContain("ID,");
    }

    @Test
    void parseWhenNoScopeThenScopeIsNull() {
        var parsed = (ImplicitRedirect.Success) ImplicitRedirect.parse(
                CALLBACK + "#access_token=AT&token_type=Bearer&expires_in=60&state=S&id_token=ID");
        assertThat(parsed.scope()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "#error=access_denied&error_description=User%20did%20not%20authorize%20the%20request&state=S | access_denied | User did not authorize the request",
            "#error=login_required&error_description=Login+required&state=S | login_required | Login required",
            "?error=consent_required&error_description=Consent%20required&state=S | consent_required | Consent required",
            "#error=unauthorized_client&state=S | unauthorized_client | ''",
    })
    void parseWhenErrorThenFailureWithDescription(String tail, String error, String description) {
        assertThat(ImplicitRedirect.parse(CALLBACK + tail)).isEqualTo(new ImplicitRedirect.Failure(error, description, "S"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "#state=S",
            "#access_token=AT&token_type=Bearer&expires_in=60&state=S",
            "#access_token=AT&token_type=mac&expires_in=60&state=S&id_token=ID",
            "#access_token=AT&token_type=Bearer&expires_in=soon&state=S&id_token=ID",
            "#access_token=AT&token_type=Bearer&expires_in=0&state=S&id_token=ID",
    })
    void parseWhenResponseIsIncompleteThenInvalidResponse(String tail) {
        var parsed = ImplicitRedirect.parse(CALLBACK + tail);
        assertThat(parsed).isInstanceOf(ImplicitRedirect.Failure.class);
        assertThat(((ImplicitRedirect.Failure) parsed).error()).isEqualTo("invalid_response");
        assertThat(parsed.state()).isEqualTo("S");
    }

    @Test
    void parseWhenParameterRepeatedThenFirstWins() {
        var parsed = ImplicitRedirect.parse(CALLBACK + "#state=A&state=B&error=x");
        assertThat(parsed.state()).isEqualTo("A");
    }

    @Test
    void parseWhenCodeInQueryThenCode() {
        assertThat(ImplicitRedirect.parse("http://127.0.0.1:5000/callback?code=C&state=S"))
                .isEqualTo(new ImplicitRedirect.Code("C", "S"));
    }
}
