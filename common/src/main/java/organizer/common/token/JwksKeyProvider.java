package organizer.common.token;

import com.auth0.jwk.JwkException;
import com.auth0.jwk.JwkProvider;
import com.auth0.jwk.JwkProviderBuilder;
import com.auth0.jwk.NetworkException;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import java.net.URL;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Public keys from a JWKS URL, through jwks-rsa: keys are cached by {@code kid}, an unknown {@code kid} triggers a
 * fetch (so a rotation at the authorization server is picked up at once), and fetches are rate limited so that a
 * flood of tokens with made-up {@code kid}s cannot turn into a flood of requests to the JWKS endpoint.
 */
final class JwksKeyProvider implements RSAKeyProvider {
    /** Thrown through java-jwt (which wraps it) to tell "no key because the JWKS is down" from "no such key". */
    static final class Unreachable extends RuntimeException {
        Unreachable(Throwable cause) {
            super("JWKS endpoint unreachable", cause, false, false);
        }
    }

    private final JwkProvider keys;

    JwksKeyProvider(URL jwksUrl, Duration timeout) {
        int millis = (int) timeout.toMillis();
        this.keys = new JwkProviderBuilder(jwksUrl)
                .cached(16, 10, TimeUnit.HOURS)
                .rateLimited(10, 1, TimeUnit.MINUTES)
                .timeouts(millis, millis)
                .build();
    }

    @Override
    public RSAPublicKey getPublicKeyById(String keyId) {
        try {
            return (RSAPublicKey) keys.get(keyId).getPublicKey();
        } catch (NetworkException e) {
            throw new Unreachable(e);
        } catch (JwkException | ClassCastException e) {
            return null; // unknown kid, or not an RSA key: the signature check then fails (401)
        }
    }

    @Override
    public RSAPrivateKey getPrivateKey() {
        return null;
    }

    @Override
    public String getPrivateKeyId() {
        return null;
    }
}
