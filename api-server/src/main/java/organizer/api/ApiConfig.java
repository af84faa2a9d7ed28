package organizer.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import organizer.common.db.Database;
import organizer.common.domain.Scopes;
import organizer.common.token.AccessTokenVerifier;

/**
 * Everything the API server needs to know, from flags, then environment variables, then defaults that match the
 * contract topology (contacts on 3001, calendar on 3002, issuer {@code http://localhost:4000/}, loopback only).
 * Code that embeds the server (the desktop app, tests) starts from {@link #builder()} instead.
 *
 * @param services     which microservices this process runs (both by default)
 * @param host         the address to bind
 * @param contactsPort the contacts API's port (0: any free port)
 * @param calendarPort the calendar API's port (0: any free port)
 * @param port         single-port mode: every service of this process on this one port; null: a port per service
 * @param issuer       the exact {@code iss} of accepted tokens; a bare origin gets Auth0's trailing slash
 * @param audience     the API identifier tokens must be issued for; also the realm of the challenges
 * @param jwksUri      where the issuer's signing keys are published
 * @param dataDir      where the embedded H2 database files live (one per service) when {@code dbUrl} is null
 * @param dbUrl        any JDBC URL (e.g. PostgreSQL) shared by the services, or null for H2 files under {@code dataDir}
 * @param corsOrigins  web origins allowed to call the APIs from a browser ({@code *}: any)
 * @param seed         whether a user's first request writes a sample address book and week of appointments
 * @param accessLog    whether to write the access log (logger {@code organizer.api.access})
 */
public record ApiConfig(Set<ApiService> services, String host, int contactsPort, int calendarPort, Integer port,
                        URI issuer, String audience, URI jwksUri, Path dataDir, String dbUrl,
                        List<String> corsOrigins, boolean seed, boolean accessLog) {

    public static final URI DEFAULT_ISSUER = URI.create("http://localhost:4000/");
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final List<String> DEFAULT_CORS_ORIGINS = List.of("http://localhost:3000");

    public ApiConfig {
        if (services == null || services.isEmpty()) {
            throw new IllegalArgumentException("at least one service must run");
        }
        services = Set.copyOf(EnumSet.copyOf(services));
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the bind host must not be empty");
        }
        checkPort("contacts port", contactsPort);
        checkPort("calendar port", calendarPort);
        if (port != null) {
            checkPort("port", port);
        } else if (contactsPort != 0 && contactsPort == calendarPort && services.size() == 2) {
            throw new IllegalArgumentException("contacts and calendar cannot share port " + contactsPort
                    + " as two servers; use --port " + contactsPort + " for single-port mode");
        }
        issuer = normalizeIssuer(issuer);
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("the audience must not be empty");
        }
        jwksUri = jwksUri == null ? AccessTokenVerifier.defaultJwksUrl(issuer) : checkHttp("JWKS URL", jwksUri);
        if (dbUrl != null && !dbUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("the database URL must be a JDBC URL (jdbc:...), got " + redact(dbUrl));
        }
        if (dbUrl == null && dataDir == null) {
            throw new IllegalArgumentException("a data directory or a database URL is needed");
        }
        corsOrigins = corsOrigins == null ? List.of()
                : corsOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    /** The defaults: both services, 127.0.0.1:3001 and :3002, the local issuer, data under the user's home. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Parses a command line, falling back on {@code env} (e.g. {@code System.getenv()}) and then the defaults. */
    public static ApiConfig from(String[] args, Map<String, String> env) {
        return ApiFlags.parse(args, env);
    }

    /** The port {@code service} is configured to bind (0: any free port). */
    public int port(ApiService service) {
        if (port != null) {
            return port;
        }
        return service == ApiService.CONTACTS ? contactsPort : calendarPort;
    }

    /** The JDBC URL of {@code service}'s database: {@code dbUrl}, or an H2 file named after the service. */
    public String jdbcUrl(ApiService service) {
        return dbUrl != null ? dbUrl : Database.h2FileUrl(dataDir, service.id());
    }

    /** A JDBC URL fit for a log line: passwords replaced. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/:@]+):[^/@]*@", "//$1:***@");
    }

    /** The default data directory: {@code ~/.organizer/api}. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".organizer", "api");
    }

    private static void checkPort(String what, int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(what + " must be between 0 and 65535, got " + value);
        }
    }

    private static URI normalizeIssuer(URI issuer) {
        checkHttp("issuer", issuer);
        var path = issuer.getRawPath();
        return path == null || path.isEmpty() ? URI.create(issuer + "/") : issuer;
    }

    private static URI checkHttp(String what, URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("the " + what + " must be an http(s) URL, got " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the " + what + " must not have a query or fragment, got " + uri);
        }
        return uri;
    }

    /** Builds a configuration in code; starts from the defaults, validates on {@link #build()}. */
    public static final class Builder {
        private Set<ApiService> services = EnumSet.allOf(ApiService.class);
        private String host = DEFAULT_HOST;
        private int contactsPort = ApiService.CONTACTS.defaultPort();
        private int calendarPort = ApiService.CALENDAR.defaultPort();
        private Integer port;
        private URI issuer = DEFAULT_ISSUER;
        private String audience = Scopes.AUDIENCE;
        private URI jwksUri;
        private Path dataDir = defaultDataDir();
        private String dbUrl;
        private List<String> corsOrigins = DEFAULT_CORS_ORIGINS;
        private boolean seed = true;
        private boolean accessLog = true;

        private Builder() {
        }

        private Builder(ApiConfig c) {
            services = c.services;
            host = c.host;
            contactsPort = c.contactsPort;
            calendarPort = c.calendarPort;
            port = c.port;
            issuer = c.issuer;
            audience = c.audience;
            // a JWKS URL that was only derived from the issuer follows a new issuer
            jwksUri = c.jwksUri.equals(AccessTokenVerifier.defaultJwksUrl(c.issuer)) ? null : c.jwksUri;
            dataDir = c.dataDir;
            dbUrl = c.dbUrl;
            corsOrigins = c.corsOrigins;
            seed = c.seed;
            accessLog = c.accessLog;
        }

        public Builder services(Set<ApiService> value) {
            services = value;
            return this;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder contactsPort(int value) {
            contactsPort = value;
            return this;
        }

        public Builder calendarPort(int value) {
            calendarPort = value;
            return this;
        }

        /** Single-port mode on {@code value}; null for a port per service. */
        public Builder port(Integer value) {
            port = value;
            return this;
        }

        /** The issuer; the JWKS URL follows it unless set with {@link #jwksUri}. */
        public Builder issuer(URI value) {
            issuer = value;
            return this;
        }

        public Builder audience(String value) {
            audience = value;
            return this;
        }

        /** Null: {@code <issuer>.well-known/jwks.json}. */
        public Builder jwksUri(URI value) {
            jwksUri = value;
            return this;
        }

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        /** Null: H2 files under the data directory. */
        public Builder dbUrl(String value) {
            dbUrl = value;
            return this;
        }

        public Builder corsOrigins(List<String> value) {
            corsOrigins = value;
            return this;
        }

        public Builder seed(boolean value) {
            seed = value;
            return this;
        }

        public Builder accessLog(boolean value) {
            accessLog = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first bad value */
        public ApiConfig build() {
            return new ApiConfig(services, host, contactsPort, calendarPort, port, issuer, audience, jwksUri,
                    dataDir, dbUrl, corsOrigins, seed, accessLog);
        }
    }
}
