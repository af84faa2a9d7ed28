package organizer.desktop.login;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Auth0's {@code /authorize} and {@code /v2/logout} URLs. */
public final class AuthorizeUrl {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuthorizeUrl() {
    }

    /** The implicit request of the reference page: {@code response_type=id_token token}, fresh {@code state} and {@code nonce}. */
    public static URI implicit(URI issuer, String clientId, URI redirectUri, String audience, String scope,
                               String state, String nonce, String prompt) {
        var params = common("id_token token", clientId, redirectUri, audience, scope, state, nonce);
        if (prompt != null) {
            params.put("prompt", prompt);
        }
        return URI.create(issuer + "authorize?" + query(params));
    }

    /** The authorization code request with PKCE (S256), for the system browser. */
    public static URI code(URI issuer, String clientId, URI redirectUri, String audience, String scope,
                           String state, String nonce, String codeChallenge) {
        var params = common("code", clientId, redirectUri, audience, scope, state, nonce);
        params.put("code_challenge", codeChallenge);
        params.put("code_challenge_method", "S256");
        return URI.create(issuer + "authorize?" + query(params));
    }

    /** The parameters every {@code /authorize} request of the app carries, in a stable order. */
    private static Map<String, String> common(String responseType, String clientId, URI redirectUri, String audience,
                                              String scope, String state, String nonce) {
        var params = new LinkedHashMap<String, String>();
        params.put("response_type", responseType);
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri.toString());
        params.put("audience", audience);
        params.put("scope", scope);
        params.put("state", state);
        params.put("nonce", nonce);
        return params;
    }

    /** {@code /v2/logout?client_id=…&returnTo=…}: ends the SSO session at the authorization server. */
    public static URI logout(URI issuer, String clientId, URI returnTo) {
        var params = new LinkedHashMap<String, String>();
        params.put("client_id", clientId);
        params.put("returnTo", returnTo.toString());
        return URI.create(issuer + "v2/logout?" + query(params));
    }

    /** 128 bits from a CSPRNG, base64url: for {@code state}, {@code nonce} and PKCE verifiers (then 256 bits). */
    public static String random() {
        return random(16);
    }

    static String random(int bytes) {
        var buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    static String query(Map<String, String> params) {
        var query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&")
                .append(encode(name)).append('=').append(encode(value)));
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
