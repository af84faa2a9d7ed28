package organizer.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How to run the auth-server: from flags, then environment variables, then defaults matching the contract
 * topology (port 4000 on 127.0.0.1, issuer {@code http://localhost:<port>/}).
 *
 * @param issuer       null: {@code http(s)://localhost:<bound port>/}, known after start (port-0 tests)
 * @param tenantFile   null: the built-in default tenant
 * @param jdbcUrl      null: the H2 file {@code <dataDir>/auth.mv.db}
 * @param keystore     PKCS#12 or JKS keystore for HTTPS; required when bound beyond loopback
 * @param insecureHttp serve plain HTTP beyond loopback anyway (behind a TLS-terminating proxy)
 * @param demoAccount  create {@code demo@organizer.test} (only ever on a loopback-bound server)
 * @param rotateKeys   a command: rotate the signing keys in the data directory and exit
 */
public record AuthConfig(String host, int port, String issuer, Path tenantFile, Path dataDir, String jdbcUrl,
                         Path keystore, String keystorePassword, boolean insecureHttp, boolean demoAccount,
                         boolean rotateKeys) {

    /** A command line or environment that cannot be used; the message is one line for the user. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message, null, false, false);
        }
    }

    /** Shown for {@code --help}. */
    public static final class HelpRequested extends RuntimeException {
        public HelpRequested(String usage) {
            super(usage, null, false, false);
        }
    }

    public AuthConfig {
        if (issuer != null && !issuer.endsWith("/")) {
            issuer = issuer + "/"; // Auth0 issuers always end with a slash; verifiers compare exactly
        }
    }

    /** A loopback server on a free port with its data in {@code dataDir}: for tests and the desktop app. */
    public static AuthConfig embedded(Path dataDir, Path tenantFile) {
        return new AuthConfig("127.0.0.1", 0, null, tenantFile, dataDir, null, null, null, false, false, false);
    }

    public AuthConfig withDemoAccount(boolean demo) {
        return new AuthConfig(host, port, issuer, tenantFile, dataDir, jdbcUrl, keystore, keystorePassword,
                insecureHttp, demo, rotateKeys);
    }

    public AuthConfig withJdbcUrl(String url) {
        return new AuthConfig(host, port, issuer, tenantFile, dataDir, url, keystore, keystorePassword, insecureHttp,
                demoAccount, rotateKeys);
    }

    public static AuthConfig from(String[] args, Map<String, String> env) {
        var spec = CommandSpec.create().name("auth-server");
        spec.usageMessage().description("Organizer's local, Auth0-compatible authorization server.");
        spec.addOption(option("--host", String.class, "Bind address (env ORGANIZER_AUTH_HOST, default 127.0.0.1)"));
        spec.addOption(option("--port", Integer.class, "Port (env ORGANIZER_AUTH_PORT, default 4000; 0 = any free port)"));
        spec.addOption(option("--issuer", String.class, "Issuer URL (env ORGANIZER_ISSUER, default http://localhost:<port>/)"));
        spec.addOption(option("--tenant", Path.class, "Tenant JSON file (env ORGANIZER_AUTH_TENANT, default: built-in)"));
        spec.addOption(option("--data-dir", Path.class, "Data directory (env ORGANIZER_AUTH_DATA, default ~/.organizer/auth-server)"));
        spec.addOption(option("--jdbc-url", String.class, "Database URL (env ORGANIZER_AUTH_JDBC_URL, default H2 in the data directory)"));
        spec.addOption(option("--keystore", Path.class, "Keystore for HTTPS (env ORGANIZER_AUTH_KEYSTORE)"));
        spec.addOption(OptionSpec.builder("--insecure-http").arity("0")
                .description("Serve plain HTTP even when bound beyond loopback (env ORGANIZER_AUTH_INSECURE_HTTP=true)").build());
        spec.addOption(OptionSpec.builder("--no-demo").arity("0").description("Do not create the demo account").build());
        spec.addOption(OptionSpec.builder("--rotate-keys").arity("0")
                .description("Rotate the signing keys in the data directory and exit (server stopped)").build());
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help").build());
        var commandLine = new CommandLine(spec);
        CommandLine.ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException(e.getMessage());
        }
        if (parsed.isUsageHelpRequested()) {
            throw new HelpRequested(commandLine.getUsageMessage());
        }
        var host = value(parsed, "--host", env, "ORGANIZER_AUTH_HOST", "127.0.0.1");
        int port;
        try {
            port = Integer.parseInt(value(parsed, "--port", env, "ORGANIZER_AUTH_PORT", "4000"));
        } catch (NumberFormatException e) {
            throw new ConfigException("ORGANIZER_AUTH_PORT is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("--port must be between 0 and 65535");
        }
        var issuer = value(parsed, "--issuer", env, "ORGANIZER_ISSUER", null);
        if (issuer != null) {
            checkIssuer(issuer);
        }
        var tenant = path(value(parsed, "--tenant", env, "ORGANIZER_AUTH_TENANT", null));
        if (tenant != null && !Files.isRegularFile(tenant)) {
            throw new ConfigException("tenant file not found: " + tenant);
        }
        var dataDir = path(value(parsed, "--data-dir", env, "ORGANIZER_AUTH_DATA",
                Path.of(System.getProperty("user.home"), ".organizer", "auth-server").toString()));
        var keystore = path(value(parsed, "--keystore", env, "ORGANIZER_AUTH_KEYSTORE", null));
        var password = env.get("ORGANIZER_AUTH_KEYSTORE_PASSWORD");
        boolean insecure = parsed.hasMatchedOption("--insecure-http")
                || "true".equalsIgnoreCase(env.get("ORGANIZER_AUTH_INSECURE_HTTP"));
        if (keystore != null && !Files.isRegularFile(keystore)) {
            throw new ConfigException("keystore not found: " + keystore);
        }
        if (keystore != null && password == null) {
            throw new ConfigException("set ORGANIZER_AUTH_KEYSTORE_PASSWORD to the keystore's password");
        }
        if (!isLoopback(host) && keystore == null && !insecure) {
            throw new ConfigException("bound to " + host + " beyond loopback: give --keystore for HTTPS "
                    + "(or --insecure-http behind a TLS proxy)");
        }
        return new AuthConfig(host, port, issuer, tenant, dataDir,
                value(parsed, "--jdbc-url", env, "ORGANIZER_AUTH_JDBC_URL", null), keystore, password, insecure,
                !parsed.hasMatchedOption("--no-demo"), parsed.hasMatchedOption("--rotate-keys"));
    }

    /** Whether the server answers only this machine (the demo account and plain HTTP are allowed only then). */
    public boolean loopback() {
        return isLoopback(host);
    }

    public boolean https() {
        return keystore != null;
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ConfigException("unknown host: " + host);
        }
    }

    private static void checkIssuer(String issuer) {
        try {
            var uri = new URI(issuer);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new ConfigException("--issuer must be an http(s) URL like http://localhost:4000/");
            }
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("--issuer is not a URL: " + issuer);
        }
    }

    private static OptionSpec option(String name, Class<?> type, String description) {
        return OptionSpec.builder(name).type(type).arity("1").paramLabel("<value>").description(description).build();
    }

    private static String value(CommandLine.ParseResult parsed, String flag, Map<String, String> env, String var,
                                String fallback) {
        if (parsed.hasMatchedOption(flag)) {
            Object v = parsed.matchedOptionValue(flag, null);
            return v == null ? null : v.toString();
        }
        var fromEnv = env.get(var);
        return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }
}
