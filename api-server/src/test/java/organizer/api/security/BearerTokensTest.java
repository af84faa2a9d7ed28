package organizer.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BearerTokensTest {
    @ParameterizedTest(name = "[{index}] header={0} query={1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // header              | query                              | outcome
            "-                     | -                                  | none",
            "-                     | q=ana                              | none",
            "-                     | q=100%&x%zz=1                      | none",
            "Bearer abc.def.ghi    | -                                  | token abc.def.ghi",
            "bearer abc.def.ghi    | -                                  | token abc.def.ghi",
            "BEARER abc-_~+/=      | -                                  | token abc-_~+/=",
            "Bearer   abc          | -                                  | token abc",
            "'Bearer abc  '        | -                                  | token abc",
            "Bearer abc==          | -                                  | token abc==",
            "Bearer ==             | -                                  | invalid_request",
            "Bearer\tabc           | -                                  | invalid_request",
            "-                     | access_token=abc.def&q=1           | token abc.def",
            "-                     | q=1&access%5Ftoken=abc             | token abc",
            "Bearer                | -                                  | invalid_request",
            "Bearer a b            | -                                  | invalid_request",
            "Bearer a=b            | -                                  | invalid_request",
            "Basic dXNlcjpwYXNz    | -                                  | invalid_request",
            "abc.def.ghi           | -                                  | invalid_request",
            "Bearerabc             | -                                  | invalid_request",
            "Bearer abc            | access_token=abc                   | invalid_request",
            "-                     | access_token=abc&access_token=abc  | invalid_request",
            "-                     | access_token=                      | invalid_request",
            "-                     | access_token=a%20b                 | invalid_request",
            "-                     | access_token=%zz                   | invalid_request",
    })
    void extract(String header, String query, String outcome) {
        var found = BearerTokens.extract(header == null ? List.of() : List.of(header), query);
        if (outcome.equals("none")) {
            assertThat(found.none()).isTrue();
        } else if (outcome.startsWith("token ")) {
            assertThat(found.token()).isEqualTo(outcome.substring(6));
            assertThat(found.error()).isNull();
        } else {
            assertThat(found.token()).isNull();
            assertThat(found.error().error()).isEqualTo(outcome);
            assertThat(found.error().status()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Bearer one|Bearer two", "Bearer one|Basic x"})
    void extractWhenTwoAuthorizationHeadersThenInvalidRequest(String first, String second) {
        assertThat(BearerTokens.extract(List.of(first, second), null).error().error()).isEqualTo("invalid_request");
    }
}
