package organizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import okhttp3.Request;
import organizer.common.testing.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bearer rules of auth0-protocol.md "Resource servers", over real HTTP against both microservices. */
class AuthFlowTest {
    private static final String BOTH = "openid read:contacts read:calendar";

    @TempDir
    Path dir;
    private ApiFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = ApiFixture.start(dir, b -> b);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void getWhenTokenIsValidThenBothApisAnswerWithTheSameToken() {
        var token = fx.token("auth0|alice", BOTH);
        var contacts = fx.get(ApiService.CONTACTS, "/api/contacts", token);
        var calendar = fx.get(ApiService.CALENDAR, "/api/appointments", token);
        assertThat(contacts.status()).isEqualTo(200);
        assertThat(contacts.header("Content-Type")).startsWith("application/json");
        assertThat(contacts.json().get("contacts").size()).isEqualTo(12);
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.json().get("appointments").size()).isGreaterThanOrEqualTo(7);
        assertThat(fx.api.port(ApiService.CONTACTS)).isNotEqualTo(fx.api.port(ApiService.CALENDAR));
    }

    @Test
    void getWithoutCredentialsThen401WithRealmOnly() {
        for (var service : ApiService.values()) {
            var answer = fx.get(service, service.path(), null);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"organize\"");
            assertThat(answer.json().get("error").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void getWithMalformedAuthorizationHeaderThen400InvalidRequest() {
        for (var header : new String[] {"Bearer", "Bearer ", "Bearer a b", "Basic dXNlcjpwYXNz", "eyJhbGciOi", "Bearer ab\"c"}) {
            var answer = ApiFixture.send(new Request.Builder().url(fx.url(ApiService.CONTACTS, "/api/contacts"))
                    .header("Authorization", header).build());
            assertThat(answer.status()).as(header).isEqualTo(400);
            assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"organize\", error=\"invalid_request\"");
        }
    }

    @Test
    void getWithTokenInHeaderAndQueryThen400InvalidRequest() {
        var token = fx.token("auth0|alice", BOTH);
        var answer = fx.get(ApiService.CONTACTS, "/api/contacts?access_token=" + token, token);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error_description").asText()).contains("More than one method");
    }

    @Test
    void getWithTwoAuthorizationHeadersThen400InvalidRequest() {
        var token = fx.token("auth0|alice", BOTH);
        var answer = ApiFixture.send(new Request.Builder().url(fx.url(ApiService.CONTACTS, "/api/contacts"))
                .addHeader("Authorization", "Bearer " + token).addHeader("Authorization", "Bearer " + token).build());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void getWithTokenInQueryOnlyThen200() {
        var answer = fx.get(ApiService.CONTACTS, "/api/contacts?access_token=" + fx.token("auth0|alice", BOTH), null);
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void getWhenAlgIsNoneThen401InvalidToken() {
        var header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var payload = b64("{\"iss\":\"" + fx.jwks.issuer() + "\",\"aud\":\"organize\",\"sub\":\"auth0|mallory\","
                + "\"scope\":\"read:contacts\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        assertInvalidToken(header + "." + payload + ".");
    }

    @Test
    void getWhenHs256SignedWithThePublicKeyThen401InvalidToken() {
        var token = JWT.create().withKeyId(ApiFixture.KEY.kid).withIssuer(fx.jwks.issuer()).withAudience("organize")
                .withSubject("auth0|mallory").withClaim("scope", "read:contacts")
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC256(ApiFixture.KEY.publicKey.getEncoded()));
        assertInvalidToken(token);
    }

    @Test
    void getWhenExpiredThen401InvalidToken() {
        var answer = assertInvalidToken(sign(b -> b.withIssuedAt(Instant.now().minusSeconds(7200))
                .withExpiresAt(Instant.now().minusSeconds(120))));
        assertThat(answer.header("WWW-Authenticate")).contains("expired");
    }

    @Test
    void getWhenNotBeforeIsInTheFutureThen401InvalidToken() {
        assertInvalidToken(sign(b -> b.withNotBefore(Instant.now().plusSeconds(600))));
    }

    @Test
    void getWhenIssuerIsWrongOrLacksTheTrailingSlashThen401InvalidToken() {
        assertInvalidToken(ApiFixture.KEY.accessToken("https://evil.example/", "auth0|alice", BOTH));
        var withoutSlash = fx.jwks.issuer().substring(0, fx.jwks.issuer().length() - 1);
        assertInvalidToken(ApiFixture.KEY.accessToken(withoutSlash, "auth0|alice", BOTH));
    }

    @Test
    void getWhenAudienceIsAnotherApiThen401InvalidToken() {
        assertInvalidToken(sign(b -> b.withAudience("https://another-api.example")));
    }

    @Test
    void getWhenAnIdTokenIsPresentedAsAccessTokenThen401InvalidToken() {
        // An ID token: aud = the client id, nonce, no scope. Same issuer, same key: only the audience tells.
        var idToken = ApiFixture.KEY.accessToken(fx.jwks.issuer(), "auth0|alice", null,
                b -> b.withAudience("organizer-spa").withClaim("nonce", "n-0S6_WzA2Mj").withClaim("scope", (String) null));
        assertInvalidToken(idToken);
    }

    @Test
    void getWhenKeyWasRotatedAtTheJwksThenRefetchedAndAccepted() {
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts", fx.token("auth0|alice", BOTH)).status()).isEqualTo(200);
        var next = SigningKey.generate();
        fx.jwks.addKey(next);
        var rotated = next.accessToken(fx.jwks.issuer(), "auth0|alice", BOTH);
        assertThat(fx.get(ApiService.CALENDAR, "/api/appointments", rotated).status()).isEqualTo(200);
        assertThat(fx.jwks.fetches()).isEqualTo(2);
    }

    @Test
    void getWhenKidIsUnknownEverywhereThen401InvalidToken() {
        assertInvalidToken(SigningKey.generate().accessToken(fx.jwks.issuer(), "auth0|alice", BOTH));
    }

    @Test
    void getWhenScopeOnlyLooksAlikeThen403InsufficientScope() {
        var token = fx.token("auth0|alice", "read:calendarX xread:contacts read:contact");
        for (var service : ApiService.values()) {
            var answer = fx.get(service, service.path(), token);
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.json().get("error").asText()).isEqualTo("insufficient_scope");
            assertThat(answer.header("WWW-Authenticate"))
                    .startsWith("Bearer realm=\"organize\", error=\"insufficient_scope\"")
                    .endsWith("scope=\"" + service.scope() + "\"");
        }
    }

    @Test
    void getWhenTokenHasOnlyReadContactsThenContacts200AndCalendar403() {
        var token = fx.token("auth0|alice", "read:contacts");
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts", token).status()).isEqualTo(200);
        var calendar = fx.get(ApiService.CALENDAR, "/api/appointments", token);
        assertThat(calendar.status()).isEqualTo(403);
        assertThat(calendar.header("WWW-Authenticate")).contains("scope=\"read:calendar\"");
    }

    @Test
    void getWhenJwksIsDownButTheKeyIsCachedThen200() {
        assertThat(fx.get(ApiService.CONTACTS, "/api/contacts", fx.token("auth0|alice", BOTH)).status()).isEqualTo(200);
        fx.jwks.close();
        // another token (another subject): not in the verified-token cache, so this needs the cached key
        assertThat(fx.get(ApiService.CALENDAR, "/api/appointments", fx.token("auth0|bob", BOTH)).status()).isEqualTo(200);
    }

    @Test
    void getWhenJwksIsDownAndNoKeyIsCachedThen503() {
        fx.jwks.close();
        var answer = fx.get(ApiService.CONTACTS, "/api/contacts", fx.token("auth0|alice", BOTH));
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("error").asText()).isEqualTo("temporarily_unavailable");
    }

    @Test
    void getWhenSignedByAnotherKeyUnderTheSameKidThen401InvalidToken() {
        var forger = SigningKey.generate();
        var token = JWT.create().withKeyId(ApiFixture.KEY.kid).withIssuer(fx.jwks.issuer()).withAudience("organize")
                .withSubject("auth0|alice").withClaim("scope", BOTH).withExpiresAt(Instant.now().plusSeconds(600))
                .sign(forger.algorithm());
        assertInvalidToken(token);
    }

    private String sign(java.util.function.Consumer<com.auth0.jwt.JWTCreator.Builder> customize) {
        return ApiFixture.KEY.accessToken(fx.jwks.issuer(), "auth0|alice", BOTH, customize);
    }

    private ApiFixture.Answer assertInvalidToken(String token) {
        ApiFixture.Answer last = null;
        for (var service : ApiService.values()) {
            last = fx.get(service, service.path(), token);
            assertThat(last.status()).as(service.id()).isEqualTo(401);
            assertThat(last.json().get("error").asText()).isEqualTo("invalid_token");
            assertThat(last.header("WWW-Authenticate")).startsWith("Bearer realm=\"organize\", error=\"invalid_token\"");
            assertThat(last.body()).doesNotContain("Exception").doesNotContain("<html");
        }
        return last;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
