package organizer.common.testing;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** A test fixture: an RSA key of a pretend authorization server, and tokens signed with it. Generated per test run. */
public final class SigningKey {
    public final String kid;
    public final RSAPublicKey publicKey;
    public final RSAPrivateKey privateKey;

    private SigningKey(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.kid = kid;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    public static SigningKey generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new SigningKey(UUID.randomUUID().toString(), (RSAPublicKey) pair.getPublic(),
                    (RSAPrivateKey) pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Algorithm algorithm() {
        return Algorithm.RSA256(publicKey, privateKey);
    }

    /**
     * An access token as the authorization server at {@code issuer} issues it for the API {@code organize}:
     * valid for an hour from now; {@code customize} changes any claim or header.
     */
    public String accessToken(String issuer, String subject, String scope, Consumer<JWTCreator.Builder> customize) {
        var now = Instant.now();
        var builder = JWT.create()
                .withKeyId(kid)
                .withIssuer(issuer)
                .withSubject(subject)
                .withAudience("organize", issuer + "userinfo")
                .withClaim("azp", "test-client")
                .withClaim("scope", scope)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(Duration.ofHours(1)));
        customize.accept(builder);
        return builder.sign(algorithm());
    }

    public String accessToken(String issuer, String subject, String scope) {
        return accessToken(issuer, subject, scope, b -> { });
    }

    /** This key as a JWK, as {@code /.well-known/jwks.json} lists it. */
    public Map<String, Object> jwk() {
        var jwk = new LinkedHashMap<String, Object>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", base64Url(publicKey.getModulus()));
        jwk.put("e", base64Url(publicKey.getPublicExponent()));
        return jwk;
    }

    private static String base64Url(BigInteger value) {
        var bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
