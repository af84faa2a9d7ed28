package organizer.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import organizer.api.calendar.AppointmentStore;
import organizer.api.calendar.AppointmentsServlet;
import organizer.api.calendar.SampleAppointments;
import organizer.api.contacts.ContactStore;
import organizer.api.contacts.ContactsServlet;
import organizer.api.contacts.SampleContacts;
import organizer.api.http.AccessLog;
import organizer.api.http.ErrorFilter;
import organizer.api.http.HealthServlet;
import organizer.api.http.JsonErrorHandler;
import organizer.api.http.NotFoundServlet;
import organizer.api.security.BearerTokenFilter;
import organizer.api.security.Cors;
import organizer.api.security.RequireScopeFilter;
import organizer.api.storage.SampleSeeder;
import organizer.common.db.Database;
import organizer.common.token.AccessTokenVerifier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contacts and calendar microservices of the logical API {@code organize}, on embedded Jetty.
 *
 * <p>By default one process runs both, each on its own server and port (3001, 3002), as the reference sample
 * does; {@code --service} runs one alone, and {@code --port} serves both paths on one port. Each service keeps
 * its own database (an H2 file named after it) unless {@code --db-url} points both at one shared database.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final ApiConfig config;
    private final Map<ApiService, Server> servers;
    private final List<Database> databases;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ApiServer(ApiConfig config, Map<ApiService, Server> servers, List<Database> databases) {
        this.config = config;
        this.servers = servers;
        this.databases = databases;
    }

    public static void main(String[] args) {
        ApiConfig config;
        try {
            config = ApiConfig.from(args, System.getenv());
        } catch (ApiFlags.HelpRequested help) {
            System.out.print(help.text);
            return;
        } catch (ApiFlags.BadCommandLine e) {
            System.err.println("organizer-api: " + firstLine(e.getMessage()) + " (see --help)");
            System.exit(2);
            return;
        }
        ApiServer server = null;
        try {
            server = newServer(config).start();
        } catch (Exception e) {
            System.err.println("organizer-api: cannot start: " + firstLine(String.valueOf(rootMessage(e))));
            if (server != null) {
                server.stop();
            }
            System.exit(1);
            return;
        }
        // SIGTERM (and Ctrl-C) run the shutdown hooks: finish requests in flight, then close the databases.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "organizer-api-shutdown"));
        server.join();
    }

    /** Wires the configured services with a verifier and access log built from {@code config}. */
    public static ApiServer newServer(ApiConfig config) throws SQLException {
        var verifier = AccessTokenVerifier.of(config.issuer(), config.audience(), config.jwksUri(), Clock.systemUTC());
        return newServer(config, verifier, AccessLog.slf4j());
    }

    /**
     * Wires the configured services around the given verifier (tests inject one with their own clock or cache size)
     * and access-log writer. Opens and migrates the databases; {@link #start()} binds the ports.
     */
    public static ApiServer newServer(ApiConfig config, AccessTokenVerifier verifier, RequestLog.Writer accessLog)
            throws SQLException {
        var databases = new LinkedHashMap<String, Database>();
        var resources = new EnumMap<ApiService, HttpServlet>(ApiService.class);
        var health = new EnumMap<ApiService, DataSource>(ApiService.class);
        try {
            for (var service : EnumSet.copyOf(config.services())) {
                var url = config.jdbcUrl(service);
                if (!databases.containsKey(url)) {
                    createDataDir(config);
                    databases.put(url, Database.open(url, "db/api"));
                }
                var dataSource = databases.get(url).dataSource();
                resources.put(service, resource(service, dataSource, config.seed()));
                health.put(service, dataSource);
            }
        } catch (SQLException | RuntimeException e) {
            databases.values().forEach(Database::close);
            throw e;
        }
        Supplier<Filter> authentication = () -> new BearerTokenFilter(verifier, config.audience());
        var servers = new EnumMap<ApiService, Server>(ApiService.class);
        if (config.port() != null) {
            var server = jetty(config, config.port(), authentication, resources, health.values().iterator().next(), accessLog);
            resources.keySet().forEach(service -> servers.put(service, server));
        } else {
            resources.forEach((service, servlet) -> servers.put(service, jetty(config, config.port(service),
                    authentication, Map.of(service, servlet), health.get(service), accessLog)));
        }
        return new ApiServer(config, servers, List.copyOf(databases.values()));
    }

    private static HttpServlet resource(ApiService service, DataSource dataSource, boolean seed) {
        var clock = Clock.systemUTC();
        return switch (service) {
            case CONTACTS -> new ContactsServlet(new ContactStore(dataSource),
                    seed ? new SampleSeeder(dataSource, "contacts", SampleContacts::write, clock) : null);
            case CALENDAR -> new AppointmentsServlet(new AppointmentStore(dataSource), seed
                    ? new SampleSeeder(dataSource, "calendar", SampleAppointments.writer(clock, ZoneId.systemDefault()), clock)
                    : null);
        };
    }

    /**
     * The route table of one Jetty server; it serves {@code resources} behind {@code authentication} (the bearer
     * filter; the benchmark swaps in a fixed user) and each resource's scope filter. Package-private for the benchmark.
     */
    static Server jetty(ApiConfig config, int port, Supplier<Filter> authentication, Map<ApiService, HttpServlet> resources,
                        DataSource healthCheck, RequestLog.Writer accessLog) {
        var server = new Server();
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        var connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(port);
        // On stop, a keep-alive connection with nothing to do is closed after this idle time (Jetty's default 1 s
        // makes every stop take a second); a request in flight that makes progress still finishes.
        connector.setShutdownIdleTimeout(500);
        server.addConnector(connector);

        var context = new ServletContextHandler();
        context.setContextPath("/");
        var request = EnumSet.of(DispatcherType.REQUEST);
        context.addFilter(new FilterHolder(new ErrorFilter()), "/*", request);
        context.addFilter(new FilterHolder(authentication.get()), "/api/*", request);
        resources.forEach((service, servlet) -> {
            context.addFilter(new FilterHolder(new RequireScopeFilter(service.scope(), config.audience())),
                    service.path() + "/*", request);
            context.addServlet(new ServletHolder(service.id(), servlet), service.path() + "/*");
        });
        var name = resources.keySet().stream().map(ApiService::id).collect(Collectors.joining("+"));
        context.addServlet(new ServletHolder(new HealthServlet(name, healthCheck)), "/healthz");
        context.addServlet(new ServletHolder(new NotFoundServlet()), "/");

        var cors = Cors.handler(config.corsOrigins());
        cors.setHandler(context);
        server.setHandler(new GracefulHandler(cors)); // on stop: refuse new requests, finish those in flight
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.setErrorHandler(new JsonErrorHandler());
        if (config.accessLog()) {
            server.setRequestLog(AccessLog.of(accessLog));
        }
        return server;
    }

    /** Binds the ports and starts serving; logs one line with the effective configuration. */
    public ApiServer start() throws Exception {
        try {
            for (var server : distinctServers()) {
                server.start();
            }
        } catch (Exception e) {
            stop();
            throw e;
        }
        log.info("Organizer API started: {}", describe());
        return this;
    }

    /** Stops gracefully (requests in flight finish, up to 10 s), then closes the databases. Idempotent. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        for (var server : distinctServers()) {
            try {
                server.stop();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", server, e.toString());
            }
        }
        databases.forEach(Database::close);
        log.info("Organizer API stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** Waits until the servers have stopped. */
    public void join() {
        for (var server : distinctServers()) {
            try {
                server.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public ApiConfig config() {
        return config;
    }

    /** Whether this process serves {@code service}. */
    public boolean serves(ApiService service) {
        return servers.containsKey(service);
    }

    /** The port {@code service} is bound to, after {@link #start()} (the real one when configured as 0). */
    public int port(ApiService service) {
        var server = servers.get(service);
        if (server == null) {
            throw new IllegalArgumentException(service.id() + " is not served by this process");
        }
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The base URI of {@code service} after {@link #start()}, e.g. {@code http://127.0.0.1:3001/}. */
    public URI uri(ApiService service) {
        var host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port(service) + "/");
    }

    private String describe() {
        var where = servers.keySet().stream()
                .map(s -> s.id() + " " + uri(s).resolve(s.path().substring(1)))
                .collect(Collectors.joining(", "));
        var stores = servers.keySet().stream().map(config::jdbcUrl).distinct().map(ApiConfig::redact)
                .collect(Collectors.joining(", "));
        return where + (config.port() != null ? " (single port)" : "")
                + "; issuer " + config.issuer() + ", audience " + config.audience() + ", jwks " + config.jwksUri()
                + "; database " + stores + "; cors " + config.corsOrigins()
                + "; sample data " + (config.seed() ? "on" : "off") + "; access log " + (config.accessLog() ? "on" : "off");
    }

    private List<Server> distinctServers() {
        return new ArrayList<>(new java.util.LinkedHashSet<>(servers.values()));
    }

    private static void createDataDir(ApiConfig config) {
        if (config.dbUrl() != null) {
            return;
        }
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.getMessage() : e.getMessage() + ": " + cause.getMessage();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }
}
