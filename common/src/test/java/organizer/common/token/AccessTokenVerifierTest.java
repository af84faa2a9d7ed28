package organizer.common.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import organizer.common.testing.JwksServer;
import organizer.common.testing.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {
    private static final SigningKey KEY = SigningKey.generate();
    private JwksServer jwks;
    private AccessTokenVerifier verifier;

    @BeforeEach
    void startJwks() throws Exception {
        jwks = JwksServer.start(KEY);
        verifier = verifier(jwks, 100);
    }

    @AfterEach
    void stopJwks() {
        jwks.close();
    }

    private static AccessTokenVerifier verifier(JwksServer server, int cacheSize) {
        return AccessTokenVerifier.of(URI.create(server.issuer()), "organize", server.jwksUrl(),
                Clock.systemUTC(), cacheSize);
    }

    @Test
    void verifyWhenTokenIsGoodThenReturnsSubjectScopesAndAzp() throws Exception {
        var token = verifier.verify(KEY.accessToken(jwks.issuer(), "auth0|abc", "openid read:calendar read:contacts"));
        assertThat(token.subject()).isEqualTo("auth0|abc");
        assertThat(token.scopes()).containsExactlyInAnyOrder("openid", "read:calendar", "read:contacts");
        assertThat(token.azp()).isEqualTo("test-client");
        assertThat(token.expiresAt()).isAfter(Instant.now());
    }

    @Test
    void verifyWhenScopeOnlyLooksAlikeThenItIsNotGranted() throws Exception {
        var token = verifier.verify(KEY.accessToken(jwks.issuer(), "auth0|abc", "read:calendarX xread:contacts"));
        assertThat(token.hasScope("read:calendar")).isFalse();
        assertThat(token.hasScope("read:contacts")).isFalse();
    }

    @Test
    void verifyWhenAlgIsNoneThenRejected() {
        var header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var payload = b64("{\"iss\":\"" + jwks.issuer() + "\",\"aud\":\"organize\",\"sub\":\"x\",\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}");
        assertRejected(header + "." + payload + ".", "RS256");
    }

    @Test
    void verifyWhenHs256SignedWithThePublicKeyThenRejected() {
        var token = JWT.create().withKeyId(KEY.kid).withIssuer(jwks.issuer()).withAudience("organize")
                .withSubject("x").withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC256(KEY.publicKey.getEncoded()));
        assertRejected(token, "RS256");
    }

    @Test
    void verifyWhenExpiredBeyondLeewayThenRejected() {
        assertRejected(KEY.accessToken(jwks.issuer(), "x", "read:calendar",
                b -> b.withIssuedAt(Instant.now().minusSeconds(7200)).withExpiresAt(Instant.now().minusSeconds(61))),
                "expired");
    }

    @Test
    void verifyWhenNotBeforeIsInTheFutureThenRejected() {
        assertRejected(KEY.accessToken(jwks.issuer(), "x", "read:calendar",
                b -> b.withNotBefore(Instant.now().plusSeconds(600))), "not valid yet");
    }

    @Test
    void verifyWhenIssuerDiffersThenRejected() {
        assertRejected(KEY.accessToken("https://evil.example/", "x", "read:calendar"), "issued");
        var withoutSlash = jwks.issuer().substring(0, jwks.issuer().length() - 1);
        assertRejected(KEY.accessToken(withoutSlash, "x", "read:calendar"), "issued");
    }

    @Test
    void verifyWhenAudienceIsAnotherApiOrAClientIdThenRejected() {
        assertRejected(KEY.accessToken(jwks.issuer(), "x", "read:calendar", b -> b.withAudience("other-api")), "issued");
        assertRejected(KEY.accessToken(jwks.issuer(), "x", null, b -> b.withAudience("client-id-of-an-id-token")), "issued");
    }

    @Test
    void verifyWhenSignedByAnotherKeyWithTheSameKidThenRejected() {
        var forger = SigningKey.generate();
        var token = JWT.create().withKeyId(KEY.kid).withIssuer(jwks.issuer()).withAudience("organize")
                .withSubject("x").withExpiresAt(Instant.now().plusSeconds(600)).sign(forger.algorithm());
        assertRejected(token, "signature");
    }

    @Test
    void verifyWhenKidIsNewThenJwksIsFetchedAgainAndTheRotatedKeyAccepted() throws Exception {
        verifier.verify(KEY.accessToken(jwks.issuer(), "x", "read:calendar"));
        var next = SigningKey.generate();
        jwks.addKey(next);
        assertThat(verifier.verify(next.accessToken(jwks.issuer(), "x", "read:calendar")).subject()).isEqualTo("x");
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void verifyWhenKidIsUnknownEverywhereThenRejected() {
        assertRejected(SigningKey.generate().accessToken(jwks.issuer(), "x", "read:calendar"), "signature");
    }

    @Test
    void verifyWhenJwksIsDownButKeyIsCachedThenAccepted() throws Exception {
        var uncached = verifier(jwks, 0);
        uncached.verify(KEY.accessToken(jwks.issuer(), "x", "read:calendar"));
        jwks.close();
        assertThat(uncached.verify(KEY.accessToken(jwks.issuer(), "y", "read:contacts")).subject()).isEqualTo("y");
    }

    @Test
    void verifyWhenJwksIsDownAndNoKeyIsCachedThenKeysUnavailable() {
        jwks.close();
        assertThatThrownBy(() -> verifier.verify(KEY.accessToken(jwks.issuer(), "x", "read:calendar")))
                .isInstanceOf(KeysUnavailableException.class);
    }

    @Test
    void verifyWhenCachedTokenExpiresThenRejectedLikeAnyOther() throws Exception {
        var now = Instant.now();
        var clock = new MutableClock(now);
        var timed = AccessTokenVerifier.of(URI.create(jwks.issuer()), "organize", jwks.jwksUrl(), clock, 100);
        var token = KEY.accessToken(jwks.issuer(), "x", "read:calendar",
                b -> b.withIssuedAt(now).withExpiresAt(now.plusSeconds(300)));
        timed.verify(token);
        clock.now = now.plus(Duration.ofSeconds(300 + 61));
        assertThatThrownBy(() -> timed.verify(token)).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void verifyWhenGarbageThenRejectedAsMalformed() {
        assertRejected("not-a-jwt", "malformed");
    }

    private void assertRejected(String token, String reasonPart) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining(reasonPart);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
