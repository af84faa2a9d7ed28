package organizer.desktop.backend;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import organizer.api.ApiConfig;
import organizer.api.ApiServer;
import organizer.api.ApiService;
import organizer.desktop.DesktopConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local backend, in this process: the auth-server (4000) and the contacts (3001) and calendar (3002) APIs on
 * embedded Jetty, data under the user's data dir. A port that is taken is either another Organizer already serving
 * there (a second window: use it) or something else (say so plainly, never a bind stack trace).
 */
public final class EmbeddedBackend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBackend.class);

    /** The backend cannot start; the message is fit for a person. */
    public static final class StartFailed extends Exception {
        public StartFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Ports to bind: the fixed ones of the reference page, or 0 for free ones (tests). */
    public record Ports(int auth, int contacts, int calendar) {
        public static final Ports DEFAULT = new Ports(4000, 3001, 3002);
        public static final Ports FREE = new Ports(0, 0, 0);
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private DesktopConfig effective;

    private EmbeddedBackend() {
    }

    /**
     * Starts what {@code config} asks for ({@code --embedded}) and returns the backend; {@link #config()} is then
     * {@code config} pointed at the servers actually serving.
     */
    public static EmbeddedBackend start(DesktopConfig config, Ports ports, AuthBackend auth) throws StartFailed {
        var backend = new EmbeddedBackend();
        try {
            var issuer = config.issuer();
            if (config.embedded().auth(config.issuer())) {
                issuer = backend.startAuth(config, ports.auth(), auth);
            }
            var contacts = config.contactsApi();
            var calendar = config.calendarApi();
            if (config.embedded().apis(config.issuer())) {
                var apis = backend.startApis(config, issuer, ports);
                contacts = apis[0];
                calendar = apis[1];
            }
            backend.effective = config.withEndpoints(issuer, contacts, calendar);
            return backend;
        } catch (StartFailed | RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** The configuration pointing at the running servers. */
    public DesktopConfig config() {
        return effective;
    }

    private URI startAuth(DesktopConfig config, int port, AuthBackend auth) throws StartFailed {
        try {
            var running = auth.start(port, config.dataDir().resolve("auth"));
            started.add(running);
            return running.issuer();
        } catch (Exception e) {
            if (isBindFailure(e) && port != 0) {
                var issuer = URI.create("http://localhost:" + port + "/");
                if (answers(issuer.resolve("/.well-known/openid-configuration"), "\"issuer\":\"" + issuer + "\"")) {
                    LOG.info("Another Organizer is serving sign-in on port {}: using it", port);
                    return issuer;
                }
                throw new StartFailed("Port " + port + " is in use by another program, so the local sign-in server "
                        + "cannot start. Stop that program, or run Organizer with --embedded=none and point it at "
                        + "running servers (--issuer).", e);
            }
            throw new StartFailed("The local sign-in server could not start: " + rootMessage(e), e);
        }
    }

    private URI[] startApis(DesktopConfig config, URI issuer, Ports ports) throws StartFailed {
        var apiConfig = ApiConfig.builder()
                .host("127.0.0.1")
                .contactsPort(ports.contacts())
                .calendarPort(ports.calendar())
                .issuer(issuer)
                .audience(config.audience())
                .dataDir(config.dataDir().resolve("api"))
                .accessLog(false)
                .build();
        ApiServer server = null;
        try {
            server = ApiServer.newServer(apiConfig);
            server.start();
            started.add(server);
            return new URI[]{base(server.uri(ApiService.CONTACTS)), base(server.uri(ApiService.CALENDAR))};
        } catch (Exception e) {
            if (server != null) {
                server.stop();
            }
            if (isBindFailure(e) && ports.contacts() != 0 && ports.calendar() != 0) {
                var contacts = URI.create("http://localhost:" + ports.contacts());
                var calendar = URI.create("http://localhost:" + ports.calendar());
                if (answers(contacts.resolve("/healthz"), null) && answers(calendar.resolve("/healthz"), null)) {
                    LOG.info("Another Organizer is serving the APIs on ports {} and {}: using them",
                            ports.contacts(), ports.calendar());
                    return new URI[]{contacts, calendar};
                }
                throw new StartFailed("Port " + ports.contacts() + " or " + ports.calendar() + " is in use by another "
                        + "program, so the local contacts and calendar services cannot start. Stop that program, or "
                        + "run Organizer with --embedded=none and --contacts-api/--calendar-api.", e);
            }
            throw new StartFailed("The local contacts and calendar services could not start: " + rootMessage(e), e);
        }
    }

    private static URI base(URI uri) {
        var text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** True when a GET of {@code url} answers 200 (and its body contains {@code expected}, if given). */
    static boolean answers(URI url, String expected) {
        var http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(3)).followRedirects(false).build();
        try (var response = http.newCall(new Request.Builder().url(url.toString()).build()).execute()) {
            if (response.code() != 200) {
                return false;
            }
            return expected == null || response.body().string().replace(" ", "").contains(expected);
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    static boolean isBindFailure(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    /** Stops what this process started, the APIs first. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("Stopping a local server failed: {}", e.toString());
            }
        }
        started.clear();
    }
}
