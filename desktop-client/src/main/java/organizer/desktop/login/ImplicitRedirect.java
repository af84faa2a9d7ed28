package organizer.desktop.login;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The answer of {@code /authorize} as it arrives at the callback URL: {@code <redirect_uri>#access_token=…} on
 * success, {@code #error=…&error_description=…} (or the same in the query) on failure. Pure parsing, no checks of
 * the tokens themselves: see {@link IdTokenValidator}.
 */
public sealed interface ImplicitRedirect {

    /** What the state parameter came back as (null when the server sent none). */
    String state();

    /** The fields of a successful implicit response; {@code scope} is null when the server granted what was asked. */
    record Success(String accessToken, String tokenType, long expiresIn, String scope, String idToken, String state)
            implements ImplicitRedirect {
        @Override
        public String toString() { // never print tokens
            return "Success[expiresIn=" + expiresIn + ", scope=" + scope + "]";
        }
    }

    /** An OAuth error: {@code access_denied}, {@code login_required}, {@code consent_required}, … */
    record Failure(String error, String description, String state) implements ImplicitRedirect {
    }

    /** The authorization code of the PKCE flow ({@code ?code=…&state=…}). */
    record Code(String code, String state) implements ImplicitRedirect {
        @Override
        public String toString() {
            return "Code[state=" + state + "]";
        }
    }

    /** True when {@code location} is the callback: same scheme, host, port and path, whatever follows ({@code ?} or {@code #}). */
    static boolean isCallback(String location, URI redirectUri) {
        if (location == null) {
            return false;
        }
        var base = redirectUri.toString();
        if (!location.startsWith(base)) {
            return false;
        }
        return location.length() == base.length() || location.charAt(base.length()) == '#'
                || location.charAt(base.length()) == '?';
    }

    /** Parses the callback URL: the fragment first (implicit), else the query (errors in {@code response_mode=query}, codes). */
    static ImplicitRedirect parse(String location) {
        var hash = location.indexOf('#');
        var query = location.indexOf('?');
        var fields = new HashMap<String, String>();
        if (query >= 0) {
            fields.putAll(form(location.substring(query + 1, hash > query ? hash : location.length())));
        }
        if (hash >= 0) {
            fields.putAll(form(location.substring(hash + 1)));
        }
        var state = fields.get("state");
        if (fields.containsKey("error")) {
            return new Failure(fields.get("error"), fields.getOrDefault("error_description", ""), state);
        }
        if (fields.containsKey("code") && !fields.containsKey("access_token")) {
            return new Code(fields.get("code"), state);
        }
        var accessToken = fields.get("access_token");
        var idToken = fields.get("id_token");
        if (accessToken == null || idToken == null) {
            return new Failure("invalid_response", "The sign-in answer had no tokens", state);
        }
        var tokenType = fields.get("token_type");
        if (tokenType == null || !tokenType.equalsIgnoreCase("Bearer")) {
            return new Failure("invalid_response", "The sign-in answer had an unexpected token type", state);
        }
        long expiresIn;
        try {
            expiresIn = Long.parseLong(fields.getOrDefault("expires_in", ""));
        } catch (NumberFormatException e) {
            return new Failure("invalid_response", "The sign-in answer had no valid expires_in", state);
        }
        if (expiresIn <= 0) {
            return new Failure("invalid_response", "The sign-in answer had no valid expires_in", state);
        }
        return new Success(accessToken, tokenType, expiresIn, fields.get("scope"), idToken, state);
    }

    private static Map<String, String> form(String text) {
        var fields = new HashMap<String, String>();
        for (var pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            var eq = pair.indexOf('=');
            var name = decode(eq < 0 ? pair : pair.substring(0, eq));
            var value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(name, value); // a repeated parameter never overrides the first
        }
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
