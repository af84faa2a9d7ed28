package organizer.desktop.login;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import organizer.common.domain.Scopes;
import organizer.common.token.AccessTokenVerifier;
import organizer.common.token.KeysUnavailableException;
import organizer.common.token.TokenRejectedException;
import organizer.desktop.session.Tokens;
import organizer.desktop.session.UserProfile;

/**
 * Validates an implicit response's ID token as OpenID Connect Core §3.2.2.11 asks: RS256 signature against the
 * issuer's JWKS, {@code iss}, {@code aud} = our client id, {@code exp} (all through common's verifier, configured
 * with the client id as audience), then the {@code nonce} we sent and {@code at_hash}, which binds the access token
 * of the same response to this ID token.
 */
public final class IdTokenValidator {
    /** A response that must not be trusted; the message is fit to show. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private final AccessTokenVerifier verifier;
    private final String clientId;
    private final Clock clock;

    public IdTokenValidator(URI issuer, String clientId, Clock clock) {
        this(issuer, clientId, AccessTokenVerifier.defaultJwksUrl(issuer), clock);
    }

    public IdTokenValidator(URI issuer, String clientId, URI jwksUrl, Clock clock) {
        this.verifier = AccessTokenVerifier.of(issuer, clientId, jwksUrl, clock, 0);
        this.clientId = clientId;
        this.clock = clock;
    }

    /** Checks the response and returns the session's tokens; {@code requestedScope} stands in when no {@code scope} came back. */
    public Tokens validate(ImplicitRedirect.Success response, String expectedNonce, String requestedScope) throws Invalid {
        var claims = verified(response.idToken(), expectedNonce);
        var atHash = claims.jwt().getClaim("at_hash").asString();
        if (atHash == null || !constantTimeEquals(atHash, atHash(response.accessToken()))) {
            throw new Invalid("The sign-in answer's access token does not belong to its ID token (at_hash)");
        }
        var jwt = claims.jwt();
        var user = new UserProfile(jwt.getSubject(), jwt.getClaim("name").asString(), jwt.getClaim("email").asString(),
                jwt.getClaim("picture").asString());
        var scope = response.scope() != null ? response.scope() : requestedScope;
        return new Tokens(response.accessToken(), Scopes.parse(scope),
                clock.instant().plusSeconds(response.expiresIn()), user, claims.expiresAt());
    }

    /** Signature, iss, aud, exp and nonce: the checks every ID token gets (also the code flow's, which has no at_hash). */
    public organizer.common.token.VerifiedToken verified(String idToken, String expectedNonce) throws Invalid {
        organizer.common.token.VerifiedToken claims;
        try {
            claims = verifier.verify(idToken);
        } catch (TokenRejectedException e) {
            throw new Invalid("The sign-in answer's ID token was rejected: " + e.getMessage());
        } catch (KeysUnavailableException e) {
            throw new Invalid("The sign-in server's keys could not be fetched; check the connection and try again");
        }
        var jwt = claims.jwt();
        // More than one audience: OIDC requires azp, and it must be us.
        if (jwt.getAudience().size() > 1 && !clientId.equals(jwt.getClaim("azp").asString())) {
            throw new Invalid("The sign-in answer's ID token was issued to another application");
        }
        var nonce = jwt.getClaim("nonce").asString();
        if (nonce == null || !constantTimeEquals(nonce, expectedNonce)) {
            throw new Invalid("The sign-in answer does not match this sign-in attempt (nonce)");
        }
        return claims;
    }

    /** OIDC's at_hash for RS256: base64url of the left half of SHA-256 over the access token's ASCII bytes. */
    public static String atHash(String accessToken) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
