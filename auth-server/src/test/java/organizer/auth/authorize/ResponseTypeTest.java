package organizer.auth.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import organizer.common.oauth.OAuthException;

class ResponseTypeTest {
    @ParameterizedTest
    @CsvSource({
            "code, true, false, false, query",
            "token, false, true, false, fragment",
            "id_token, false, false, true, fragment",
            "id_token token, false, true, true, fragment",
            "token id_token, false, true, true, fragment",
            "code id_token, true, false, true, fragment",
            "code id_token token, true, true, true, fragment"})
    void parsesEveryCombination(String value, boolean code, boolean token, boolean idToken, String mode) {
        var type = ResponseType.parse(value);
        assertThat(type).isEqualTo(new ResponseType(code, token, idToken));
        assertThat(type.defaultMode()).isEqualTo(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "none", "tokens", "code banana", "CODE", "token<script>"})
    void refusesAnythingElse(String value) {
        assertThatThrownBy(() -> ResponseType.parse(value)).isInstanceOf(OAuthException.class)
                .satisfies(e -> assertThat(((OAuthException) e).error().error())
                        .isIn("unsupported_response_type", "invalid_request"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "soon", "1e3"})
    void maxAgeMustBeANonNegativeInteger(String maxAge) {
        assertThatThrownBy(() -> AuthorizeRequest.parse(Map.of("max_age", maxAge))).isInstanceOf(OAuthException.class);
    }

    @org.junit.jupiter.api.Test
    void blankParametersCountAsAbsent() {
        var r = AuthorizeRequest.parse(Map.of("client_id", " ", "audience", "", "max_age", "30"));
        assertThat(r.clientId()).isNull();
        assertThat(r.audience()).isNull();
        assertThat(r.maxAge()).isEqualTo(30);
    }
}
