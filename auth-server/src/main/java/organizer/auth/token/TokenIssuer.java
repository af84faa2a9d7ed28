package organizer.auth.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import organizer.auth.keys.SigningKeys;
import organizer.common.domain.Scopes;

/**
 * Signs Auth0-shaped JWTs with the current RS256 key ({@code kid} in the header): user access tokens, client
 * credentials tokens and ID tokens, with the claims the protocol document lists.
 */
public final class TokenIssuer {
    /** Auth0's ID token lifetime. */
    public static final Duration ID_TOKEN_LIFETIME = Duration.ofSeconds(36000);

    private final String issuer;
    private final SigningKeys keys;
    private final Clock clock;

    public TokenIssuer(String issuer, SigningKeys keys, Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.clock = clock;
    }

    public String issuer() {
        return issuer;
    }

    public String userinfoAudience() {
        return issuer + "userinfo";
    }

    /**
     * A user's access token: {@code aud} is the API plus {@code <issuer>userinfo} when {@code openid} was granted
     * (a bare string when only one), never {@code gty}.
     */
    public String userAccessToken(UserAuthorization auth, Duration lifetime) {
        var audiences = new java.util.ArrayList<String>();
        if (auth.api() != null) {
            audiences.add(auth.api().identifier());
        }
        if (auth.has("openid") || auth.api() == null) {
            audiences.add(userinfoAudience());
        }
        var builder = base(auth.user().userId(), lifetime).withClaim("azp", auth.client().clientId())
                .withClaim("scope", Scopes.format(auth.scopes()));
        builder.withAudience(audiences.toArray(String[]::new)); // java-jwt writes a single audience as a string
        return sign(builder);
    }

    /** A client-credentials token: {@code sub} {@code <client_id>@clients}, {@code gty: client-credentials}. */
    public String clientCredentialsToken(String clientId, String audience, List<String> scopes, Duration lifetime) {
        var builder = base(clientId + "@clients", lifetime).withAudience(audience)
                .withClaim("azp", clientId).withClaim("scope", Scopes.format(scopes))
                .withClaim("gty", "client-credentials");
        return sign(builder);
    }

    /** An ID token for the client; {@code accessToken} (may be null) adds {@code at_hash}, {@code code} adds {@code c_hash}. */
    public String idToken(UserAuthorization auth, String accessToken, String code) {
        var user = auth.user();
        var builder = base(user.userId(), ID_TOKEN_LIFETIME).withAudience(auth.client().clientId());
        if (auth.has("profile")) {
            builder.withClaim("name", user.name()).withClaim("nickname", user.nickname())
                    .withClaim("picture", user.picture() == null ? Avatars.dataUri(user) : user.picture())
                    .withClaim("updated_at", user.updatedAt() == null ? null : user.updatedAt().toString());
        }
        if (auth.has("email")) {
            builder.withClaim("email", user.email()).withClaim("email_verified", Boolean.TRUE.equals(user.emailVerified()));
        }
        if (auth.nonce() != null) {
            builder.withClaim("nonce", auth.nonce());
        }
        if (accessToken != null) {
            builder.withClaim("at_hash", leftHalfHash(accessToken));
        }
        if (code != null) {
            builder.withClaim("c_hash", leftHalfHash(code));
        }
        if (auth.sid() != null) {
            builder.withClaim("sid", auth.sid());
        }
        if (auth.authTime() != null) {
            builder.withClaim("auth_time", auth.authTime().getEpochSecond());
        }
        return sign(builder);
    }

    /** OIDC Core §3.1.3.6: base64url of the left half of the SHA-256 of the ASCII value. */
    public static String leftHalfHash(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTCreator.Builder base(String subject, Duration lifetime) {
        var now = clock.instant();
        return JWT.create().withIssuer(issuer).withSubject(subject).withIssuedAt(now)
                .withExpiresAt(now.plus(lifetime));
    }

    private String sign(JWTCreator.Builder builder) {
        var key = keys.current();
        return builder.withKeyId(key.kid()).sign(key.algorithm());
    }
}
