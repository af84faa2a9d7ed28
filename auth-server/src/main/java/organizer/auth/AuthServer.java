package organizer.auth;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import organizer.auth.authorize.AuthorizeRoutes;
import organizer.auth.db.Jdbc;
import organizer.auth.discovery.JwksServlet;
import organizer.auth.discovery.OpenIdConfigurationServlet;
import organizer.auth.keys.SigningKeys;
import organizer.auth.management.ManagementRoutes;
import organizer.auth.session.LogoutServlet;
import organizer.auth.session.OidcLogoutServlet;
import organizer.auth.session.Sessions;
import organizer.auth.tenant.Passwords;
import organizer.auth.tenant.ResourceServer;
import organizer.auth.tenant.TenantFile;
import organizer.auth.tenant.TenantStore;
import organizer.auth.tenant.UserStore;
import organizer.auth.token.AuthorizationCodes;
import organizer.auth.token.LocalTokenVerifier;
import organizer.auth.token.RefreshTokens;
import organizer.auth.token.RevokeServlet;
import organizer.auth.token.TokenIssuer;
import organizer.auth.token.TokenServlet;
import organizer.auth.token.UserInfoServlet;
import organizer.auth.web.CorsFilter;
import organizer.auth.web.SecurityHeadersFilter;
import organizer.common.db.Database;

/**
 * Organizer's authorization server: {@code main()} → {@link AuthConfig#from} → {@link #newServer} → {@link #start()}.
 * Embeddable (the desktop app and the tests start it in-process on port 0) and headless.
 */
public final class AuthServer {
    private static final Logger log = LoggerFactory.getLogger(AuthServer.class);
    public static final String DEMO_EMAIL = "demo@organizer.test";
    public static final String DEMO_PASSWORD = "organizer-demo";

    private final AuthConfig config;
    private final Clock clock;
    private final PrintStream console;
    private Server server;
    private Database database;
    private String issuer;
    private int port;
    private SigningKeys keys;
    private TenantStore tenant;
    private UserStore users;

    private AuthServer(AuthConfig config, Clock clock, PrintStream console) {
        this.config = config;
        this.clock = clock;
        this.console = console;
    }

    public static AuthServer newServer(AuthConfig config) {
        return new AuthServer(config, Clock.systemUTC(), System.out);
    }

    /** With a clock (tests move time) and where to print the start banner (null: nowhere). */
    public static AuthServer newServer(AuthConfig config, Clock clock, PrintStream console) {
        return new AuthServer(config, clock, console);
    }

    /**
     * Binds, opens the database, applies the tenant and starts serving.
     *
     * @throws TenantFile.InvalidTenant the tenant file is unusable (message names the field)
     */
    public synchronized void start() throws Exception {
        database = openDatabase(config);
        try {
            server = new Server(new QueuedThreadPool(64, 4));
            var connector = connector(server);
            connector.open(); // bind first: the issuer of a port-0 server needs the port
            port = connector.getLocalPort();
            issuer = config.issuer() != null ? config.issuer()
                    : (config.https() ? "https" : "http") + "://localhost:" + port + "/";
            server.addConnector(connector);
            server.setHandler(routes(new Jdbc(database)));
            server.start();
        } catch (Exception | Error e) {
            LifeCycle.stop(server);
            database.close();
            throw e;
        }
        log.info("auth-server started: issuer {}, bound to {}:{}, data {}", issuer, config.host(), port,
                config.dataDir());
        var m2mSecret = config.tenantFile() == null ? writeM2mSecret() : null;
        banner(m2mSecret);
    }

    public synchronized void stop() {
        LifeCycle.stop(server);
        if (database != null) {
            database.close();
        }
    }

    public void join() throws InterruptedException {
        server.join();
    }

    /** The issuer, with its trailing slash; known after {@link #start()}. */
    public String issuer() {
        return issuer;
    }

    public int port() {
        return port;
    }

    /** Key rotation for a running server (the Management API's {@code POST /api/v2/keys/signing/rotate} does this too). */
    public SigningKeys.Key rotateSigningKey() {
        return keys.rotate();
    }

    private ServletContextHandler routes(Jdbc jdbc) throws IOException {
        var file = config.tenantFile() != null ? TenantFile.read(config.tenantFile(), issuer) : TenantFile.defaults(issuer);
        tenant = new TenantStore(jdbc, issuer);
        tenant.apply(file);
        users = new UserStore(jdbc, clock);
        for (var seed : file.users()) {
            if (users.byEmail(seed.email()).isEmpty()) {
                users.create(seed.email(), seed.password(), seed.name(), seed.emailVerified() == null || seed.emailVerified(),
                        seed.connection() == null ? TenantFile.DATABASE_CONNECTION : seed.connection());
            }
        }
        demoAccount();
        keys = SigningKeys.open(jdbc, config.dataDir(), clock, retention());
        var tokens = new TokenIssuer(issuer, keys, clock);
        var verifier = new LocalTokenVerifier(issuer, keys, clock);
        var sessions = new Sessions(jdbc, clock, tenant::settings, config.https());
        sessions.purge();
        var codes = new AuthorizationCodes(jdbc, clock);
        codes.purge();
        var refreshTokens = new RefreshTokens(jdbc, clock);

        var context = new ServletContextHandler();
        context.setErrorHandler(new QuietErrorHandler());
        filter(context, new SecurityHeadersFilter(), "/*");
        var cors = new CorsFilter(tenant::isAllowedOrigin);
        for (var path : new String[] {"/oauth/token", "/oauth/revoke", "/userinfo"}) {
            filter(context, cors, path);
        }
        AuthorizeRoutes.of(tenant, users, sessions, tokens, codes, clock).forEach((path, s) -> serve(context, path, s));
        serve(context, "/oauth/token", new TokenServlet(tenant, users, tokens, codes, refreshTokens, clock));
        serve(context, "/oauth/revoke", new RevokeServlet(tenant, refreshTokens));
        serve(context, "/userinfo", new UserInfoServlet(verifier, users, tokens.userinfoAudience()));
        serve(context, "/.well-known/jwks.json", new JwksServlet(keys));
        serve(context, "/.well-known/openid-configuration", new OpenIdConfigurationServlet(issuer));
        serve(context, "/v2/logout", new LogoutServlet(tenant, sessions));
        serve(context, "/oidc/logout", new OidcLogoutServlet(tenant, sessions, verifier));
        serve(context, "/api/v2/*", ManagementRoutes.servlet(tenant, users, keys, verifier, issuer, clock));
        serve(context, "/healthz", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/plain");
                resp.getWriter().write("ok");
            }
        });
        return context;
    }

    /** Retired keys stay published while tokens they signed can be valid: the longest token lifetime, plus leeway. */
    private Duration retention() {
        long longest = Math.max(TokenIssuer.ID_TOKEN_LIFETIME.toSeconds(), tenant.resourceServers().stream()
                .mapToLong(ResourceServer::tokenLifetime).max().orElse(0));
        return Duration.ofSeconds(longest + 60);
    }

    /**
     * The demo account exists only on a loopback-bound server. Beyond loopback, a demo account still holding the
     * well-known password (from an earlier local run) is blocked.
     */
    private void demoAccount() {
        var demo = users.byEmail(DEMO_EMAIL);
        if (config.loopback()) {
            if (config.demoAccount() && demo.isEmpty()) {
                users.create(DEMO_EMAIL, DEMO_PASSWORD, "Demo User", true, TenantFile.DATABASE_CONNECTION);
            }
            return;
        }
        if (demo.isPresent() && !demo.get().isBlocked() && users.authenticate(DEMO_EMAIL, DEMO_PASSWORD).isPresent()) {
            var d = demo.get();
            users.update(new organizer.auth.tenant.User(d.userId(), d.email(), d.emailVerified(), d.name(),
                    d.nickname(), d.picture(), d.createdAt(), clock.instant(), d.identities(), true, d.loginsCount(),
                    d.lastLogin()));
            log.warn("Blocked the demo account: its password is public and the server is bound beyond loopback");
        }
    }

    private void banner(Path m2mSecret) {
        if (console == null) {
            return;
        }
        console.println("Organizer auth-server is running: " + issuer);
        console.println("  OpenID configuration: " + issuer + ".well-known/openid-configuration");
        if (config.loopback() && config.demoAccount()) {
            console.println("  Demo account: " + DEMO_EMAIL + " / " + DEMO_PASSWORD + "  (loopback only)");
        }
        if (m2mSecret != null) {
            console.println("  Machine-to-machine client: organizer-m2m, secret in " + m2mSecret.toAbsolutePath());
        }
    }

    /** The default tenant's generated M2M secret, written owner-only next to the data (never printed or logged). */
    private Path writeM2mSecret() {
        var file = config.dataDir().resolve("organizer-m2m.secret");
        tenant.client("organizer-m2m").map(c -> c.clientSecret()).ifPresent(secret -> {
            try {
                if (!Files.exists(file)) {
                    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
                    }
                }
                Files.writeString(file, secret + System.lineSeparator());
            } catch (IOException e) {
                log.warn("Cannot write {}: {}", file, e.getMessage());
            }
        });
        return file;
    }

    private ServerConnector connector(Server server) {
        if (!config.https()) {
            var connector = new ServerConnector(server);
            connector.setHost(config.host());
            connector.setPort(config.port());
            return connector;
        }
        var ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(config.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(config.keystorePassword());
        var http = new HttpConfiguration();
        http.setSecureScheme("https");
        var customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false); // local certificates rarely name every alias of the host
        http.addCustomizer(customizer);
        var connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    static Database openDatabase(AuthConfig config) throws Exception {
        var dir = config.dataDir();
        Files.createDirectories(dir);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        var url = config.jdbcUrl() != null ? config.jdbcUrl() : Database.h2FileUrl(dir, "auth");
        return Database.open(url, "db/auth");
    }

    private static void serve(ServletContextHandler context, String path, HttpServlet servlet) {
        context.addServlet(new ServletHolder(servlet), path);
    }

    private static void filter(ServletContextHandler context, Filter filter, String path) {
        context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST));
    }

    /** Rotates the keys of a stopped server's data directory (the {@code --rotate-keys} command). */
    static String rotateOffline(AuthConfig config) throws Exception {
        try (var db = openDatabase(config)) {
            var jdbc = new Jdbc(db);
            var keys = SigningKeys.open(jdbc, config.dataDir(), Clock.systemUTC(), Duration.ofSeconds(86400 + 60));
            return keys.rotate().kid();
        }
    }

    public static void main(String[] args) {
        AuthConfig config;
        try {
            config = AuthConfig.from(args, System.getenv());
        } catch (AuthConfig.HelpRequested help) {
            System.out.print(help.getMessage());
            return;
        } catch (AuthConfig.ConfigException e) {
            System.err.println("auth-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            if (config.rotateKeys()) {
                System.out.println("New signing key: " + rotateOffline(config));
                return;
            }
            var server = newServer(config);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "auth-server-stop"));
            server.join();
        } catch (TenantFile.InvalidTenant e) {
            System.err.println("auth-server: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            log.error("auth-server failed to start", e);
            System.err.println("auth-server: cannot start: " + e.getMessage());
            System.exit(1);
        }
    }

    static {
        // Warm the bcrypt class (and its dummy hash) before the first login rather than during it.
        Passwords.problem("");
    }
}
