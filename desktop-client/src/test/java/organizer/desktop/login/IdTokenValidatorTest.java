package organizer.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import organizer.common.testing.JwksServer;
import organizer.common.testing.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdTokenValidatorTest {
    static final String CLIENT = "organizer-spa";
    static SigningKey key;
    static JwksServer jwks;
    static IdTokenValidator validator;

    @BeforeAll
    static void startJwks() throws Exception {
        key = SigningKey.generate();
        jwks = JwksServer.start(key);
        validator = new IdTokenValidator(URI.create(jwks.issuer()), CLIENT, Clock.systemUTC());
    }

    @AfterAll
    static void stopJwks() {
        jwks.close();
    }

    /** An ID token as the authorization server issues it with an access token, changed by {@code customize}. */
    static String idToken(SigningKey signer, String issuer, String nonce, String accessToken, Consumer<JWTCreator.Builder> customize) {
        var now = Instant.now();
        var builder = JWT.create().withKeyId(signer.kid).withIssuer(issuer).withSubject("auth0|0123456789abcdef01234567")
                .withAudience(CLIENT).withIssuedAt(now).withExpiresAt(now.plus(Duration.ofHours(10)))
                .withClaim("nonce", nonce).withClaim("at_hash", IdTokenValidator.atHash(accessToken))
                .withClaim("name", "Demo User").withClaim("email", "demo@organizer.test").withClaim("sid", "s1");
        customize.accept(builder);
        return builder.sign(signer.algorithm());
    }

    static ImplicitRedirect.Success response(String idToken, String accessToken) {
        return new ImplicitRedirect.Success(accessToken, "Bearer", 7200, null, idToken, "state");
    }

    @Test
    void validWhenSignatureIssuerAudienceNonceAndAtHashMatch() throws Exception {
        var tokens = validator.validate(response(idToken(key, jwks.issuer(), "n1", "AT", b -> { }), "AT"), "n1",
                "openid read:contacts");
        assertThat(tokens.user().name()).isEqualTo("Demo User");
        assertThat(tokens.user().email()).isEqualTo("demo@organizer.test");
        assertThat(tokens.scopes()).containsExactlyInAnyOrder("openid", "read:contacts");
        assertThat(tokens.expiresAt()).isBetween(Instant.now().plusSeconds(7100), Instant.now().plusSeconds(7201));
    }

    @Test
    void atHashIsTheLeftHalfOfSha256() throws Exception {
        // The example of OpenID Connect Core's test vectors: at_hash for "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y".
        assertThat(IdTokenValidator.atHash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y")).isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
    }

    @Test
    void rejectedWhenNonceDiffers() {
        var id = idToken(key, jwks.issuer(), "other", "AT", b -> { });
        assertThatThrownBy(() -> validator.validate(response(id, "AT"), "n1", "openid"))
                .isInstanceOf(IdTokenValidator.Invalid.class).hasMessageContaining("nonce");
    }

    @Test
    void rejectedWhenAccessTokenWasSwapped() {
        var id = idToken(key, jwks.issuer(), "n1", "AT", b -> { });
        assertThatThrownBy(() -> validator.validate(response(id, "ANOTHER"), "n1", "openid"))
                .isInstanceOf(IdTokenValidator.Invalid.class).hasMessageContaining("at_hash");
    }

    @Test
    void rejectedWhenAtHashMissing() {
        var id = idToken(key, jwks.issuer(), "n1", "AT", b -> b.withClaim("at_hash", (String) null));
        assertThatThrownBy(() -> validator.validate(response(id, "AT"), "n1", "openid"))
                .isInstanceOf(IdTokenValidator.Invalid.class).hasMessageContaining("at_hash");
    }

    @Test
    void rejectedWhenAudienceIsAnotherClient() {
        var id = idToken(key, jwks.issuer(), "n1", "AT", b -> b.withAudience("someone-else"));
        assertThatThrownBy(() -> validator.validate(response(id, "AT"), "n1", "openid"))
                .isInstanceOf(IdTokenValidator.Invalid.class).hasMessageContaining("rejected");
    }

    @Test
    void rejectedWhenSeveralAudiencesAndAzpIsNotUs() {
        var id = idToken(key, jwks.issuer(), "n1", "AT", b -> b.withAudience(CLIENT, "x").withClaim("azp", "x"));
        assertThatThrownBy(() -> validator.validate(response(id, "AT"), "n1", "openid"))
                .isInstanceOf(IdTokenValidator.Invalid.class).hasMessageContaining("another application");
    }

    @Test
    void rejectedWhenIssuerDiffers() {
        var id = idToken(key, "http://localhost:4000/", "n1", "AT", b -> { });
        assertThatThrownBy(() -> validator.validate(response(id, "AT"), "n1", "openid"))
                .isInstanceOf(IdTokenValidator.Invalid.class);
    }

    @Test
    void rejectedWhenExpired() {
        var id = idToken(key, jwks.issuer(), "n1", "AT", b -> b.withIssuedAt(Instant.now().minusSeconds(7200))
                .withExpiresAt(Instant.now().minusSeconds(3600)));
        assertThatThrownBy(() -> validator.validate(response(id, "AT"), "n1", "openid"))
                .isInstanceOf(IdTokenValidator.Invalid.class).hasMessageContaining("expired");
    }

    @Test
    void rejectedWhenSignedByAnotherKeyWithTheSameKid() {
        var stranger = SigningKey.generate();
        var now = Instant.now();
        var id = JWT.create().withKeyId(key.kid).withIssuer(jwks.issuer()).withAudience(CLIENT).withSubject("auth0|x")
                .withExpiresAt(now.plusSeconds(600)).withClaim("nonce", "n1").withClaim("at_hash", IdTokenValidator.atHash("AT"))
                .sign(stranger.algorithm());
        assertThatThrownBy(() -> validator.validate(response(id, "AT"), "n1", "openid"))
                .isInstanceOf(IdTokenValidator.Invalid.class).hasMessageContaining("signature");
    }

    @Test
    void rejectedWhenHs256OrNone() {
        var now = Instant.now();
        var hs = JWT.create().withKeyId(key.kid).withIssuer(jwks.issuer()).withAudience(CLIENT).withSubject("auth0|x")
                .withExpiresAt(now.plusSeconds(600)).withClaim("nonce", "n1").withClaim("at_hash", IdTokenValidator.atHash("AT"))
                .sign(Algorithm.HMAC256("secret"));
        assertThatThrownBy(() -> validator.validate(response(hs, "AT"), "n1", "openid"))
                .isInstanceOf(IdTokenValidator.Invalid.class).hasMessageContaining("RS256");
        var none = JWT.create().withIssuer(jwks.issuer()).withAudience(CLIENT).withSubject("auth0|x")
                .withExpiresAt(now.plusSeconds(600)).withClaim("nonce", "n1").withClaim("at_hash", IdTokenValidator.atHash("AT"))
                .sign(Algorithm.none());
        assertThatThrownBy(() -> validator.validate(response(none, "AT"), "n1", "openid"))
                .isInstanceOf(IdTokenValidator.Invalid.class);
    }

    @Test
    void rejectedWhenTheKeysCannotBeFetched() throws Exception {
        var down = new IdTokenValidator(URI.create("http://127.0.0.1:9/"), CLIENT, Clock.systemUTC());
        var id = idToken(key, "http://127.0.0.1:9/", "n1", "AT", b -> { });
        assertThatThrownBy(() -> down.validate(response(id, "AT"), "n1", "openid"))
                .isInstanceOf(IdTokenValidator.Invalid.class).hasMessageContaining("keys could not be fetched");
    }
}
