package organizer.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import organizer.common.json.Json;

/** Calls the back-channel endpoints (token, revoke, userinfo, Management API) the way client libraries do. */
final class TokenClient {
    record Answer(int status, JsonNode json, okhttp3.Headers headers, String text) {
        String get(String field) {
            var node = json == null ? null : json.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
    private final TestServer auth;

    TokenClient(TestServer auth) {
        this.auth = auth;
    }

    Answer form(String path, Map<String, String> fields) {
        var body = new FormBody.Builder();
        fields.forEach(body::add);
        return send(new Request.Builder().url(auth.url(path)).post(body.build()).build());
    }

    Answer json(String path, Object body) {
        return send(new Request.Builder().url(auth.url(path))
                .post(RequestBody.create(Json.write(body), MediaType.get("application/json"))).build());
    }

    Answer send(Request request) {
        try (var response = http.newCall(request).execute()) {
            var text = response.body().string();
            JsonNode json = null;
            if (text.startsWith("{") || text.startsWith("[")) {
                json = Json.MAPPER.readTree(text);
            }
            return new Answer(response.code(), json, response.headers(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Request.Builder request(String path) {
        return new Request.Builder().url(auth.url(path));
    }

    /** A client-credentials token for the test M2M client. */
    String m2mToken(String audience) {
        var answer = form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", "test-m2m",
                "client_secret", "test-m2m-secret-0123456789", "audience", audience));
        if (answer.status() != 200) {
            throw new AssertionError(answer.text());
        }
        return answer.get("access_token");
    }
}
