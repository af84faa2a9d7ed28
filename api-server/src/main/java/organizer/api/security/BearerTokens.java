package organizer.api.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    private static final String SCHEME = "Bearer";

    private BearerTokens() {
    }

    static Extraction extract(List<String> authorizationHeaders, String queryString) {
        List<String> queryTokens;
        try {
            queryTokens = queryTokens(queryString);
        } catch (IllegalArgumentException e) {
            return refuse("The access_token parameter is malformed");
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
            return isB64Token(token, 0, token.length()) ? new Extraction(token, null)
                    : refuse("The access_token parameter is malformed");
        }
        var token = fromHeader(authorizationHeaders.get(0));
        return token != null ? new Extraction(token, null)
                : refuse("The Authorization header is malformed: expected Bearer <access token>");
    }

    /**
     * {@code Bearer 1*SP b64token *SP} (scheme case-insensitive, RFC 7235) → the token, else null. A hand-written
     * scan: this runs on every request, and a regular expression over a 1 kB token costs tens of microseconds.
     */
    private static String fromHeader(String header) {
        int length = header.length();
        if (length <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || header.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        int start = SCHEME.length();
        while (start < length && header.charAt(start) == ' ') {
            start++;
        }
        int end = length;
        while (end > start && header.charAt(end - 1) == ' ') {
            end--;
        }
        return isB64Token(header, start, end) ? header.substring(start, end) : null;
    }

    /** RFC 6750 §2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isB64Token(String s, int start, int end) {
        int i = start;
        while (i < end && isB64Char(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < end && s.charAt(i) == '=') {
            i++;
        }
        return i == end;
    }

    private static boolean isB64Char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static Extraction refuse(String why) {
        return new Extraction(null, OAuthError.invalidRequest(why));
    }

    /** The {@code access_token} values of the query; other parameters are not this class's business. */
    private static List<String> queryTokens(String query) {
        var tokens = new ArrayList<String>(1);
        if (query == null || query.isEmpty()) {
            return tokens;
        }
        for (var pair : query.split("&")) {
            int eq = pair.indexOf('=');
            var rawName = eq < 0 ? pair : pair.substring(0, eq);
            boolean named = rawName.equals("access_token")
                    || rawName.indexOf('%') >= 0 && "access_token".equals(decodeOrNull(rawName));
            if (named) {
                tokens.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return tokens;
    }

    private static String decodeOrNull(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
