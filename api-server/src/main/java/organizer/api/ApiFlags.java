package organizer.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The command line of {@code organizer-api}: each flag falls back on an environment variable (named in its help
 * text and in {@link #ENV}), then on {@link ApiConfig#builder()}'s default. Issuer and audience use the names of
 * Auth0's express-oauth2-jwt-bearer ({@code ISSUER_BASE_URL}, {@code AUDIENCE}) so a tenant's settings carry over.
 */
@Command(name = "organizer-api", mixinStandardHelpOptions = true, version = "organizer-api 1.0.0", sortOptions = false,
        description = "Runs the Organizer contacts (3001) and calendar (3002) APIs of the logical API 'organize'.")
final class ApiFlags {
    /** Flag → environment variable. */
    static final Map<String, String> ENV = Map.ofEntries(
            Map.entry("--service", "ORGANIZER_SERVICE"),
            Map.entry("--host", "ORGANIZER_HOST"),
            Map.entry("--contacts-port", "ORGANIZER_CONTACTS_PORT"),
            Map.entry("--calendar-port", "ORGANIZER_CALENDAR_PORT"),
            Map.entry("--port", "ORGANIZER_PORT"),
            Map.entry("--issuer", "ISSUER_BASE_URL"),
            Map.entry("--audience", "AUDIENCE"),
            Map.entry("--jwks-uri", "JWKS_URI"),
            Map.entry("--data-dir", "ORGANIZER_DATA_DIR"),
            Map.entry("--db-url", "ORGANIZER_DB_URL"),
            Map.entry("--cors-origins", "ORGANIZER_CORS_ORIGINS"),
            Map.entry("--seed", "ORGANIZER_SEED"),
            Map.entry("--access-log", "ORGANIZER_ACCESS_LOG"));

    /** The command line asked for help or the version: print {@code text}, exit 0. */
    static final class HelpRequested extends RuntimeException {
        final String text;

        HelpRequested(String text) {
            super("help requested", null, false, false);
            this.text = text;
        }
    }

    /** The command line (or an environment variable) is wrong: one line for the user, exit 2. */
    static final class BadCommandLine extends RuntimeException {
        BadCommandLine(String message) {
            super(message, null, false, false);
        }
    }

    @Option(names = "--service", paramLabel = "all|contacts|calendar", defaultValue = "all",
            description = "Which microservice(s) to run (env ORGANIZER_SERVICE; default: all).")
    String service;

    @Option(names = "--host", defaultValue = ApiConfig.DEFAULT_HOST,
            description = "Address to bind (env ORGANIZER_HOST; default: 127.0.0.1).")
    String host;

    @Option(names = "--contacts-port", defaultValue = "3001", description = "Contacts API port (env ORGANIZER_CONTACTS_PORT).")
    int contactsPort;

    @Option(names = "--calendar-port", defaultValue = "3002", description = "Calendar API port (env ORGANIZER_CALENDAR_PORT).")
    int calendarPort;

    @Option(names = "--port", description = "Single-port mode: serve every selected API on this one port (env ORGANIZER_PORT).")
    Integer port;

    @Option(names = "--issuer", paramLabel = "URL", defaultValue = "http://localhost:4000/",
            description = "Token issuer, exact (env ISSUER_BASE_URL; default: http://localhost:4000/).")
    String issuer;

    @Option(names = "--audience", defaultValue = "organize", description = "API identifier (env AUDIENCE; default: organize).")
    String audience;

    @Option(names = "--jwks-uri", paramLabel = "URL",
            description = "JWKS URL (env JWKS_URI; default: <issuer>.well-known/jwks.json).")
    String jwksUri;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the H2 database files (env ORGANIZER_DATA_DIR; default: ~/.organizer/api).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "Any JDBC URL instead of H2 files, e.g. jdbc:postgresql://db/organizer?user=... (env ORGANIZER_DB_URL).")
    String dbUrl;

    @Option(names = "--cors-origins", paramLabel = "ORIGIN", split = ",", defaultValue = "http://localhost:3000",
            description = "Comma-separated web origins allowed by CORS (env ORGANIZER_CORS_ORIGINS; default: http://localhost:3000).")
    List<String> corsOrigins;

    @Option(names = "--seed", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write sample data on a user's first request (env ORGANIZER_SEED=true|false; default: true).")
    boolean seed;

    @Option(names = "--access-log", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write the access log, without query strings (env ORGANIZER_ACCESS_LOG=true|false; default: true).")
    boolean accessLog;

    static ApiConfig parse(String[] args, Map<String, String> env) {
        var flags = new ApiFlags();
        var commandLine = new CommandLine(flags)
                .setUsageHelpWidth(110)
                .setDefaultValueProvider(arg -> {
                    var variable = arg instanceof OptionSpec option ? ENV.get(option.longestName()) : null;
                    return variable == null ? null : nonBlank(env.get(variable));
                });
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new BadCommandLine(e.getMessage());
        }
        if (commandLine.isUsageHelpRequested()) {
            throw new HelpRequested(commandLine.getUsageMessage());
        }
        if (commandLine.isVersionHelpRequested()) {
            throw new HelpRequested(String.join("\n", commandLine.getCommandSpec().version()) + "\n");
        }
        try {
            return flags.toConfig();
        } catch (IllegalArgumentException e) {
            throw new BadCommandLine(e.getMessage());
        }
    }

    private ApiConfig toConfig() {
        var builder = ApiConfig.builder()
                .services(services(service))
                .host(host)
                .contactsPort(contactsPort)
                .calendarPort(calendarPort)
                .port(port)
                .issuer(uri("--issuer", issuer))
                .audience(audience)
                .jwksUri(jwksUri == null ? null : uri("--jwks-uri", jwksUri))
                .dbUrl(dbUrl)
                .corsOrigins(corsOrigins)
                .seed(seed)
                .accessLog(accessLog);
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        return builder.build();
    }

    private static Set<ApiService> services(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "all", "both" -> EnumSet.allOf(ApiService.class);
            case "contacts" -> EnumSet.of(ApiService.CONTACTS);
            case "calendar" -> EnumSet.of(ApiService.CALENDAR);
            default -> throw new IllegalArgumentException(
                    "--service must be all, contacts or calendar, got '" + value + "'");
        };
    }

    private static URI uri(String flag, String value) {
        try {
            return new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(flag + " is not a URL: " + value);
        }
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
