package organizer.api.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import organizer.common.oauth.OAuthError;

/**
 * Finds the one bearer token of a request (RFC 6750 §2): an {@code Authorization: Bearer <token68>} header or an
 * {@code access_token} query parameter. Pure, so that every odd request shape is a table row in a unit test.
 */
final class BearerTokens {
    /** The outcome: no credentials at all, one token, or a request that must be refused with {@code error}. */
    record Extraction(String token, OAuthError error) {
        static final Extraction NONE = new Extraction(null, null);

        boolean none() {
            return token == null && error == null;
        }
    }

    /** RFC 6750 §2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    private static final Pattern BEARER = Pattern.compile("(?i:bearer) +([A-Za-z0-9\\-._~+/]+=*) *");
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private BearerTokens() {
    }

    static Extraction extract(List<String> authorizationHeaders, String queryString) {
        List<String> queryTokens;
        try {
            queryTokens = queryTokens(queryString);
        } catch (IllegalArgumentException e) {
            return refuse("The query string is malformed");
        }
        int presented = authorizationHeaders.size() + queryTokens.size();
        if (presented == 0) {
            return Extraction.NONE;
        }
        if (presented > 1) {
            return refuse(authorizationHeaders.isEmpty() || queryTokens.isEmpty()
                    ? "Only one access token may be sent"
                    : "More than one method used for authentication");
        }
        if (!queryTokens.isEmpty()) {
            var token = queryTokens.get(0);
            return B64TOKEN.matcher(token).matches() ? new Extraction(token, null)
                    : refuse("The access_token parameter is malformed");
        }
        var matcher = BEARER.matcher(authorizationHeaders.get(0));
        return matcher.matches() ? new Extraction(matcher.group(1), null)
                : refuse("The Authorization header is malformed: expected Bearer <access token>");
    }

    private static Extraction refuse(String why) {
        return new Extraction(null, OAuthError.invalidRequest(why));
    }

    private static List<String> queryTokens(String query) {
        var tokens = new ArrayList<String>(1);
        if (query == null || query.isEmpty()) {
            return tokens;
        }
        for (var pair : query.split("&")) {
            int eq = pair.indexOf('=');
            var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (name.equals("access_token")) {
                tokens.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return tokens;
    }
}
