package organizer.common.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerChallengeTest {
    @Test
    void headerWithoutCredentialsHasRealmOnly() {
        assertThat(BearerChallenge.header("organize")).isEqualTo("Bearer realm=\"organize\"");
    }

    @Test
    void headerForInsufficientScopeNamesTheScope() {
        assertThat(BearerChallenge.header("organize", OAuthError.insufficientScope("read:calendar")))
                .isEqualTo("Bearer realm=\"organize\", error=\"insufficient_scope\", "
                        + "error_description=\"Insufficient scope, expected any of: read:calendar\", scope=\"read:calendar\"");
    }

    @Test
    void descriptionsNeverBreakOutOfTheQuotedString() {
        var header = BearerChallenge.header("organize", OAuthError.invalidToken("bad \"token\" \\ here"));
        assertThat(header).isEqualTo("Bearer realm=\"organize\", error=\"invalid_token\", "
                + "error_description=\"bad 'token' / here\"");
    }
}
