package organizer.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import organizer.auth.tenant.Client;
import organizer.auth.tenant.Ids;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/**
 * {@code authorization_code} with PKCE (RFC 7636, S256 only): a code issued with a challenge needs the matching
 * verifier, and a verifier for a code issued without one is refused (a downgrade). Codes are single use.
 */
final class AuthorizationCodeGrant implements Grant {
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final UserTokens tokens;
    private final Clock clock;

    AuthorizationCodeGrant(AuthorizationCodes codes, RefreshTokens refreshTokens, UserTokens tokens, Clock clock) {
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> issue(Map<String, String> params, Client client) {
        if (!client.allowsGrant("authorization_code")) {
            throw new OAuthException(OAuthError.unauthorizedClient(
                    "Grant type 'authorization_code' not allowed for the client."));
        }
        var redemption = codes.redeem(params.get("code"));
        if (!(redemption instanceof AuthorizationCodes.Redeemed redeemed)) {
            throw new OAuthException(OAuthError.invalidGrant("Invalid authorization code"));
        }
        var code = redeemed.code();
        if (!code.clientId().equals(client.clientId())) {
            throw new OAuthException(OAuthError.invalidGrant("Invalid authorization code"));
        }
        if (!clock.instant().isBefore(code.expiresAt())) {
            throw new OAuthException(OAuthError.invalidGrant("Authorization code expired"));
        }
        if (!code.redirectUri().equals(params.get("redirect_uri"))) {
            throw new OAuthException(OAuthError.invalidGrant(
                    "The redirect_uri must be the one the authorization request used"));
        }
        checkPkce(code.codeChallenge(), params.get("code_verifier"));
        var auth = tokens.restore(client, code.userId(), code.audience(), code.scope(), code.nonce(), code.sid(),
                code.authTime());
        String refreshToken = null;
        if (auth.has("offline_access")) {
            var family = Ids.hex(16);
            refreshToken = refreshTokens.issue(family, auth);
            codes.linkFamily(redeemed.codeHash(), family);
        }
        return tokens.respond(auth, refreshToken);
    }

    static void checkPkce(String challenge, String verifier) {
        if (challenge == null) {
            if (verifier != null) {
                throw new OAuthException(OAuthError.invalidGrant(
                        "A code_verifier was sent but the authorization request had no code_challenge"));
            }
            return;
        }
        if (verifier == null) {
            throw new OAuthException(OAuthError.invalidGrant("Missing required parameter: code_verifier"));
        }
        if (!verifier.matches("[A-Za-z0-9._~-]{43,128}") || !Ids.same(s256(verifier), challenge)) {
            throw new OAuthException(OAuthError.invalidGrant("Failed to verify code verifier"));
        }
    }

    static String s256(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
