package organizer.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import organizer.common.json.Json;
import organizer.common.testing.JwksServer;
import organizer.common.testing.SigningKey;
import organizer.common.token.AccessTokenVerifier;

/**
 * A test fixture: a pretend authorization server (JWKS over real HTTP on port 0, signing with its own key) and
 * the real API server on port 0 with H2 files under the test's directory, plus an HTTP client that sees what a
 * client sees. The access log's lines are kept in {@link #accessLog}.
 */
final class ApiFixture implements AutoCloseable {
    static final SigningKey KEY = SigningKey.generate();
    static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).build();

    /** What came back: status, headers and body. */
    record Answer(int status, Headers headers, String body) {
        JsonNode json() {
            return Json.read(body, JsonNode.class);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    final JwksServer jwks;
    final ApiServer api;
    final List<String> accessLog;

    private ApiFixture(JwksServer jwks, ApiServer api, List<String> accessLog) {
        this.jwks = jwks;
        this.api = api;
        this.accessLog = accessLog;
    }

    /** A started fixture; {@code customize} adjusts the configuration (ports are 0 unless it says otherwise). */
    static ApiFixture start(Path dataDir, UnaryOperator<ApiConfig.Builder> customize) throws Exception {
        var jwks = JwksServer.start(KEY);
        try {
            return start(jwks, dataDir, customize);
        } catch (Exception | Error e) {
            jwks.close();
            throw e;
        }
    }

    /** A started API server trusting an existing JWKS fixture (e.g. for a restart). */
    static ApiFixture start(JwksServer jwks, Path dataDir, UnaryOperator<ApiConfig.Builder> customize) throws Exception {
        var config = customize.apply(ApiConfig.builder()
                .contactsPort(0).calendarPort(0)
                .issuer(URI.create(jwks.issuer()))
                .dataDir(dataDir)).build();
        var verifier = AccessTokenVerifier.of(config.issuer(), config.audience(), config.jwksUri(), Clock.systemUTC());
        var accessLog = new CopyOnWriteArrayList<String>();
        var api = ApiServer.newServer(config, verifier, accessLog::add);
        api.start();
        return new ApiFixture(jwks, api, accessLog);
    }

    String token(String subject, String scope) {
        return KEY.accessToken(jwks.issuer(), subject, scope);
    }

    String url(ApiService service, String pathAndQuery) {
        return api.uri(service).resolve(pathAndQuery.substring(1)).toString();
    }

    Answer get(ApiService service, String pathAndQuery, String token) {
        var request = new Request.Builder().url(url(service, pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    static Answer send(Request request) {
        try (var response = HTTP.newCall(request).execute()) {
            return new Answer(response.code(), response.headers(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        api.stop();
        jwks.close();
    }
}
