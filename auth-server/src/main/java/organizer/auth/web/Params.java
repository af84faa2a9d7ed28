package organizer.auth.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import organizer.common.json.Json;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/** Reads request parameters: each at most once (RFC 6749 §3.1), bounded in size, from a form or a JSON body. */
public final class Params {
    /** Longer values are refused: no legitimate parameter comes near it, and it bounds what pages echo. */
    public static final int MAX_LENGTH = 4096;
    private static final int MAX_JSON_BODY = 64 * 1024;

    private Params() {
    }

    /** Query and form parameters; a repeated or oversized parameter is an {@code invalid_request}. */
    public static Map<String, String> of(HttpServletRequest req) {
        var params = new LinkedHashMap<String, String>();
        for (var entry : req.getParameterMap().entrySet()) {
            if (entry.getValue().length > 1) {
                throw new OAuthException(OAuthError.invalidRequest("Parameter " + safeName(entry.getKey())
                        + " must not be repeated"));
            }
            put(params, entry.getKey(), entry.getValue()[0]);
        }
        return params;
    }

    /** The token endpoint's body: {@code application/json} (the Auth0 SDKs) or a form. */
    public static Map<String, String> body(HttpServletRequest req) throws IOException {
        var type = req.getContentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            return of(req);
        }
        var bytes = req.getInputStream().readNBytes(MAX_JSON_BODY + 1);
        if (bytes.length > MAX_JSON_BODY) {
            throw new OAuthException(OAuthError.invalidRequest("Request body too large"));
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new OAuthException(OAuthError.invalidRequest("Request body is not valid JSON"));
        }
        if (json == null || !json.isObject()) {
            throw new OAuthException(OAuthError.invalidRequest("Request body must be a JSON object"));
        }
        var params = new LinkedHashMap<String, String>();
        json.fields().forEachRemaining(field -> {
            var value = field.getValue();
            if (value.isValueNode() && !value.isNull()) {
                put(params, field.getKey(), value.asText());
            }
        });
        return params;
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (value.length() > MAX_LENGTH || name.length() > 100) {
            throw new OAuthException(OAuthError.invalidRequest("Parameter " + safeName(name) + " is too long"));
        }
        params.put(name, value);
    }

    private static String safeName(String name) {
        var cleaned = name.replaceAll("[^A-Za-z0-9_.-]", "");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }

    public static String clientIp(HttpServletRequest req) {
        return req.getRemoteAddr();
    }
}
