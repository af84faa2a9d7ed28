package organizer.desktop.testing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import okhttp3.OkHttpClient;
import organizer.api.ApiConfig;
import organizer.api.ApiServer;
import organizer.api.ApiService;
import organizer.common.testing.JwksServer;
import organizer.common.testing.SigningKey;

/**
 * A test fixture: the real api-server (contacts and calendar on their own free ports, H2 files under a temp dir)
 * trusting a pretend authorization server (common's JWKS fixture) whose key signs the tokens. It can be stopped
 * and started again on the same ports, with the same data, to play an outage.
 */
public final class RealApi implements AutoCloseable {
    public final SigningKey key = SigningKey.generate();
    public final JwksServer jwks;
    /** Each test's own user, so the API seeds a fresh sample address book and calendar. */
    public final String subject = "auth0|" + UUID.randomUUID();
    public final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10)).build();
    private final Path dataDir;
    private ApiServer server;
    private int contactsPort;
    private int calendarPort;

    public RealApi(Path dataDir) throws Exception {
        this.dataDir = dataDir;
        this.jwks = JwksServer.start(key);
        start();
    }

    /** Starts the API (again: on the ports it had before). */
    public void start() throws Exception {
        server = ApiServer.newServer(ApiConfig.builder()
                .issuer(URI.create(jwks.issuer()))
                .contactsPort(contactsPort)
                .calendarPort(calendarPort)
                .dataDir(dataDir)
                .accessLog(false)
                .build()).start();
        contactsPort = server.port(ApiService.CONTACTS);
        calendarPort = server.port(ApiService.CALENDAR);
    }

    public void stop() {
        server.stop();
    }

    public URI contacts() {
        return URI.create("http://127.0.0.1:" + contactsPort + "/");
    }

    public URI calendar() {
        return URI.create("http://127.0.0.1:" + calendarPort + "/");
    }

    /** An access token for {@link #subject} with {@code scope}, valid for an hour. */
    public String token(String scope) {
        return key.accessToken(jwks.issuer(), subject, scope);
    }

    /** A token that expired ten minutes ago (beyond the API's leeway): the API answers 401. */
    public String expiredToken(String scope) {
        var past = Instant.now().minus(Duration.ofMinutes(10));
        return key.accessToken(jwks.issuer(), subject, scope,
                b -> b.withIssuedAt(past.minus(Duration.ofHours(1))).withExpiresAt(past));
    }

    @Override
    public void close() {
        server.stop();
        jwks.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
