package organizer.auth.authorize;

import java.util.Set;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/** A {@code response_type}: any non-empty combination of {@code code}, {@code token} and {@code id_token}. */
record ResponseType(boolean code, boolean token, boolean idToken) {

    static ResponseType parse(String value) {
        if (value == null) {
            throw new OAuthException(OAuthError.invalidRequest("Missing required parameter: response_type"));
        }
        var parts = Set.of(value.trim().split(" +"));
        boolean code = parts.contains("code");
        boolean token = parts.contains("token");
        boolean idToken = parts.contains("id_token");
        int known = (code ? 1 : 0) + (token ? 1 : 0) + (idToken ? 1 : 0);
        if (known == 0 || known != value.trim().split(" +").length) {
            throw new OAuthException(OAuthError.unsupportedResponseType("Unsupported response type: "
                    + value.replaceAll("[^a-z_ ]", "?")));
        }
        return new ResponseType(code, token, idToken);
    }

    /** Anything beyond {@code code} travels in the front channel and so needs the implicit grant. */
    boolean frontChannelTokens() {
        return token || idToken;
    }

    String defaultMode() {
        return frontChannelTokens() ? "fragment" : "query";
    }
}
