package organizer.auth.authorize;

import java.util.Map;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/**
 * The parameters of {@code GET /authorize}, read but not yet judged: {@link #parse} checks syntax only. Unknown
 * parameters are ignored (auth0.js always adds {@code auth0Client}).
 */
public record AuthorizeRequest(String responseType, String clientId, String redirectUri, String scope,
                               String audience, String state, String nonce, String prompt, String responseMode,
                               String connection, String codeChallenge, String codeChallengeMethod, Integer maxAge,
                               String loginHint, String screenHint) {

    public static AuthorizeRequest parse(Map<String, String> p) {
        Integer maxAge = null;
        var rawMaxAge = blankToNull(p.get("max_age"));
        if (rawMaxAge != null) {
            try {
                maxAge = Integer.parseInt(rawMaxAge);
                if (maxAge < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new OAuthException(OAuthError.invalidRequest("max_age must be a non-negative integer"));
            }
        }
        return new AuthorizeRequest(blankToNull(p.get("response_type")), blankToNull(p.get("client_id")),
                blankToNull(p.get("redirect_uri")), blankToNull(p.get("scope")), blankToNull(p.get("audience")),
                p.get("state"), blankToNull(p.get("nonce")), blankToNull(p.get("prompt")),
                blankToNull(p.get("response_mode")), blankToNull(p.get("connection")),
                blankToNull(p.get("code_challenge")), blankToNull(p.get("code_challenge_method")), maxAge,
                blankToNull(p.get("login_hint")), blankToNull(p.get("screen_hint")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
