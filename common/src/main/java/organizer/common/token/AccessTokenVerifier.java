package organizer.common.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import organizer.common.domain.Scopes;

/**
 * Verifies RS256 JWTs issued by one authorization server for one audience: access tokens for the API
 * ({@code organize}) and, with the client id as audience, ID tokens for the desktop client.
 *
 * <p>Built once and shared; thread-safe. java-jwt checks the algorithm named in the header against RS256 (so
 * {@code none} and HS* are refused), the signature with the key of the token's {@code kid}, the exact issuer (a
 * trailing slash matters), that the audience contains ours, and {@code exp}, {@code nbf}, {@code iat} with a leeway.
 * Tokens already verified are remembered until they expire (see {@link VerifiedTokenCache}), because an RS256
 * check costs far more than serving a small JSON answer.
 */
public final class AccessTokenVerifier {
    /** Clock skew tolerated between the authorization server and us. */
    public static final Duration LEEWAY = Duration.ofSeconds(60);

    private final JWTVerifier verifier;
    private final Clock clock;
    private final VerifiedTokenCache cache;

    private AccessTokenVerifier(String issuer, String audience, RSAKeyProvider keys, Clock clock, int cacheSize) {
        this.clock = clock;
        this.cache = new VerifiedTokenCache(cacheSize);
        var verification = (JWTVerifier.BaseVerification) JWT.require(Algorithm.RSA256(keys))
                .withIssuer(issuer)
                .withAudience(audience)
                .acceptLeeway(LEEWAY.toSeconds());
        this.verifier = verification.build(clock);
    }

    /** A verifier for tokens of {@code issuer} (e.g. {@code http://localhost:4000/}) whose audience includes {@code audience}. */
    public static AccessTokenVerifier of(URI issuer, String audience, URI jwksUrl, Clock clock) {
        return of(issuer, audience, jwksUrl, clock, VerifiedTokenCache.DEFAULT_SIZE);
    }

    /** As {@link #of(URI, String, URI, Clock)}, remembering at most {@code cacheSize} verified tokens (0: none). */
    public static AccessTokenVerifier of(URI issuer, String audience, URI jwksUrl, Clock clock, int cacheSize) {
        try {
            var keys = new JwksKeyProvider(jwksUrl.toURL(), Duration.ofSeconds(5));
            return new AccessTokenVerifier(issuer.toString(), audience, keys, clock, cacheSize);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWKS URL: " + jwksUrl, e);
        }
    }

    /** The JWKS URL an Auth0 tenant publishes: {@code <issuer>.well-known/jwks.json}. */
    public static URI defaultJwksUrl(URI issuer) {
        var base = issuer.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + ".well-known/jwks.json");
    }

    /**
     * Verifies a compact JWT.
     *
     * @throws TokenRejectedException   the token is not acceptable (401)
     * @throws KeysUnavailableException the JWKS endpoint is unreachable and no cached key could be used (503)
     */
    public VerifiedToken verify(String token) throws TokenRejectedException, KeysUnavailableException {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException("no token", null);
        }
        var key = sha256(token);
        var known = cache.get(key, clock.instant().minus(LEEWAY));
        if (known != null) {
            return known;
        }
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (JWTVerificationException e) {
            if (causedByUnreachableJwks(e)) {
                throw new KeysUnavailableException("the authorization server's keys are unavailable", e);
            }
            throw new TokenRejectedException(describe(e), e);
        } catch (JwksKeyProvider.Unreachable e) {
            throw new KeysUnavailableException("the authorization server's keys are unavailable", e);
        }
        if (jwt.getExpiresAtAsInstant() == null) {
            throw new TokenRejectedException("The token has no expiry", null);
        }
        var verified = new VerifiedToken(jwt.getSubject(), Scopes.parse(jwt.getClaim("scope").asString()),
                jwt.getClaim("azp").asString(), jwt.getExpiresAtAsInstant(), jwt);
        cache.put(key, verified);
        return verified;
    }

    private static boolean causedByUnreachableJwks(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwksKeyProvider.Unreachable) {
                return true;
            }
        }
        return false;
    }

    /** A reason for the client, without echoing the token or claim values it cannot trust. */
    private static String describe(JWTVerificationException e) {
        return switch (e.getClass().getSimpleName()) {
            case "AlgorithmMismatchException" -> "The token must be signed with RS256";
            case "SignatureVerificationException" -> "The token signature is invalid";
            case "TokenExpiredException" -> "The token has expired";
            case "IncorrectClaimException", "MissingClaimException" -> e.getMessage().startsWith("The Token can't be used before")
                    ? "The token is not valid yet" : "The token was not issued by or for this server";
            case "JWTDecodeException" -> "The token is malformed";
            default -> "The token is invalid";
        };
    }

    private static String sha256(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
