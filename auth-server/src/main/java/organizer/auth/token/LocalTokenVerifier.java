package organizer.auth.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Optional;
import organizer.auth.keys.SigningKeys;

/** Verifies tokens this server issued, with its own published keys (no HTTP round trip to its own JWKS). */
public final class LocalTokenVerifier {
    private final Algorithm algorithm;
    private final String issuer;
    private final Clock clock;

    public LocalTokenVerifier(String issuer, SigningKeys keys, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        this.algorithm = Algorithm.RSA256(new RSAKeyProvider() {
            @Override
            public RSAPublicKey getPublicKeyById(String keyId) {
                return keys.publicKey(keyId).orElse(null);
            }

            @Override
            public RSAPrivateKey getPrivateKey() {
                return null;
            }

            @Override
            public String getPrivateKeyId() {
                return null;
            }
        });
    }

    /** RS256, our issuer, the audience, not expired; empty for anything else. */
    public Optional<DecodedJWT> verify(String token, String audience) {
        try {
            var verification = (com.auth0.jwt.JWTVerifier.BaseVerification) JWT.require(algorithm)
                    .withIssuer(issuer).withAudience(audience).acceptLeeway(60);
            return Optional.of(verification.build(clock).verify(token));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Checks only the signature and issuer: for {@code id_token_hint}, which may have expired. */
    public Optional<DecodedJWT> verifyIgnoringExpiry(String token) {
        try {
            var verification = (com.auth0.jwt.JWTVerifier.BaseVerification) JWT.require(algorithm)
                    .withIssuer(issuer).acceptExpiresAt(Long.MAX_VALUE / 1000);
            return Optional.of(verification.build(clock).verify(token));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
