package organizer.desktop;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Everything the desktop app needs to know, from (highest first) command-line flags, the environment, the file
 * {@code organizer.properties} in the user's config dir, and the defaults of the local tenant. The file and the
 * environment use the same names, Auth0's where Auth0 has one ({@code AUTH0_DOMAIN}, {@code AUTH0_CLIENT_ID},
 * {@code AUDIENCE}), so switching to a real tenant is two lines in that file.
 *
 * @param issuer            the authorization server, with Auth0's trailing slash ({@code https://TENANT/})
 * @param clientId          the SPA client
 * @param audience          the logical API
 * @param scope             what the app asks for
 * @param redirectUri       the callback the app watches for (never served: the WebView load is stopped)
 * @param logoutReturnTo    where {@code /v2/logout} sends the WebView back to (equally never served)
 * @param contactsApi       base URL of the contacts API
 * @param calendarApi       base URL of the calendar API
 * @param checkSession      how often the SSO session is checked ({@code prompt=none}); Auth0 warns against polling more often than 15 min
 * @param loginMode         implicit in a WebView (the reference page), or PKCE in the system browser (RFC 8252)
 * @param embedded          which local servers the app starts in-process
 * @param dataDir           the user's data dir: the embedded servers' databases and the sign-in cookies
 * @param smokeTest         run without a person: sign in with the credentials in the environment, screenshot, exit
 * @param screenshot        where smoke mode writes the PNG of the main window
 * @param smokeEmail        smoke mode's user
 * @param smokePassword     smoke mode's password (from the environment only, never a flag)
 * @param headless          use Monocle's headless glass platform (no display needed)
 */
public record DesktopConfig(URI issuer, String clientId, String audience, String scope, URI redirectUri,
                            URI logoutReturnTo, URI contactsApi, URI calendarApi, Duration checkSession,
                            LoginMode loginMode, Embedded embedded, Path dataDir, boolean smokeTest, Path screenshot,
                            String smokeEmail, String smokePassword, boolean headless) {

    public static final URI LOCAL_ISSUER = URI.create("http://localhost:4000/");
    public static final URI LOCAL_CONTACTS = URI.create("http://localhost:3001");
    public static final URI LOCAL_CALENDAR = URI.create("http://localhost:3002");
    public static final String DEFAULT_SCOPE = "openid profile email read:calendar read:contacts";

    public enum LoginMode { IMPLICIT, PKCE }

    /** {@code auto}: the whole local backend when the issuer is the local default, nothing for a real tenant. */
    public enum Embedded {
        AUTO, ALL, APIS, NONE;

        public boolean auth(URI issuer) {
            return this == ALL || this == AUTO && LOCAL_ISSUER.equals(issuer);
        }

        public boolean apis(URI issuer) {
            return this == ALL || this == APIS || this == AUTO && LOCAL_ISSUER.equals(issuer);
        }
    }

    /** A bad command line, environment value or config file: shown as one line, exit code 2. */
    public static final class ConfigException extends RuntimeException {
        ConfigException(String message) {
            super(message);
        }
    }

    /** The flags; all optional, so that "not given" can fall back to the environment and the file. */
    @Command(name = "organizer", mixinStandardHelpOptions = true, version = "Organizer 1.0.0",
            description = "The Organizer desktop app: calendar and contacts behind one logical API.")
    static final class Flags {
        @Option(names = "--config", description = "config file (default: organizer.properties in the user's config dir)") Path config;
        @Option(names = {"--issuer", "--auth0-domain"}, description = "authorization server: https://TENANT/ or a bare Auth0 domain") String issuer;
        @Option(names = "--client-id", description = "the SPA client id (default organizer-spa)") String clientId;
        @Option(names = "--audience", description = "API identifier (default organize)") String audience;
        @Option(names = "--scope", description = "requested scope") String scope;
        @Option(names = "--contacts-api", description = "contacts API base URL (default http://localhost:3001)") String contactsApi;
        @Option(names = "--calendar-api", description = "calendar API base URL (default http://localhost:3002)") String calendarApi;
        @Option(names = "--check-session", description = "SSO check interval, e.g. 15m, 30s, PT15M (default 15m)") String checkSession;
        @Option(names = "--login", description = "implicit (WebView, default) or pkce (system browser)") String loginMode;
        @Option(names = "--embedded", description = "local servers to start: auto (default), all, apis, none") String embedded;
        @Option(names = "--data-dir", description = "where data and sign-in cookies are kept") Path dataDir;
        @Option(names = "--smoke-test", description = "sign in with ORGANIZER_SMOKE_EMAIL/ORGANIZER_SMOKE_PASSWORD, load both views, screenshot, exit") boolean smokeTest;
        @Option(names = "--screenshot", description = "PNG written by --smoke-test (default organizer-smoke.png)") Path screenshot;
        @Option(names = "--headless", description = "no display: Monocle headless (default for --smoke-test without a display)") Boolean headless;
    }

    /** Reads the flags, then {@code env}, then the config file. {@code --help}/{@code --version} return null after printing. */
    public static DesktopConfig from(String[] args, Map<String, String> env) {
        var flags = new Flags();
        var cli = new CommandLine(flags).setCaseInsensitiveEnumValuesAllowed(true);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException(e.getMessage());
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            return null;
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(System.out);
            return null;
        }
        var configFile = flags.config != null ? flags.config : configDir(env).resolve("organizer.properties");
        var file = readFile(configFile, flags.config != null);
        Function<String, String> setting = name -> {
            var value = env.get(name);
            return value != null && !value.isBlank() ? value : file.get(name);
        };
        var issuer = issuer(first(flags.issuer, setting.apply("AUTH0_ISSUER"), setting.apply("AUTH0_DOMAIN")));
        var dataDir = flags.dataDir != null ? flags.dataDir
                : setting.apply("ORGANIZER_DATA_DIR") != null ? Path.of(setting.apply("ORGANIZER_DATA_DIR")) : dataDir(env);
        var smoke = flags.smokeTest;
        var noDisplay = isLinux() && isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"));
        return new DesktopConfig(
                issuer,
                first(flags.clientId, setting.apply("AUTH0_CLIENT_ID"), "organizer-spa"),
                first(flags.audience, setting.apply("AUDIENCE"), "organize"),
                first(flags.scope, setting.apply("ORGANIZER_SCOPE"), DEFAULT_SCOPE),
                url("ORGANIZER_CALLBACK_URL", first(setting.apply("ORGANIZER_CALLBACK_URL"), "http://localhost:3000/callback.html")),
                url("ORGANIZER_LOGOUT_URL", first(setting.apply("ORGANIZER_LOGOUT_URL"), "http://localhost:3000")),
                url("--contacts-api", first(flags.contactsApi, setting.apply("CONTACTS_API_URL"), LOCAL_CONTACTS.toString())),
                url("--calendar-api", first(flags.calendarApi, setting.apply("CALENDAR_API_URL"), LOCAL_CALENDAR.toString())),
                duration(first(flags.checkSession, setting.apply("CHECK_SESSION_INTERVAL"), "15m")),
                choice(LoginMode.class, "--login", first(flags.loginMode, setting.apply("ORGANIZER_LOGIN"), "implicit")),
                choice(Embedded.class, "--embedded", first(flags.embedded, setting.apply("ORGANIZER_EMBEDDED"), "auto")),
                dataDir,
                smoke,
                flags.screenshot != null ? flags.screenshot : Path.of("organizer-smoke.png"),
                first(env.get("ORGANIZER_SMOKE_EMAIL"), "demo@organizer.test"),
                first(env.get("ORGANIZER_SMOKE_PASSWORD"), "organizer-demo"),
                flags.headless != null ? flags.headless : smoke && noDisplay);
    }

    /** The same settings pointing at servers that were started on other ports (embedded backend, tests). */
    public DesktopConfig withEndpoints(URI issuer, URI contactsApi, URI calendarApi) {
        return new DesktopConfig(issuer, clientId, audience, scope, redirectUri, logoutReturnTo, contactsApi,
                calendarApi, checkSession, loginMode, embedded, dataDir, smokeTest, screenshot, smokeEmail,
                smokePassword, headless);
    }

    public DesktopConfig withScope(String requested) {
        return new DesktopConfig(issuer, clientId, audience, requested, redirectUri, logoutReturnTo, contactsApi,
                calendarApi, checkSession, loginMode, embedded, dataDir, smokeTest, screenshot, smokeEmail,
                smokePassword, headless);
    }

    public DesktopConfig withCheckSession(Duration interval) {
        return new DesktopConfig(issuer, clientId, audience, scope, redirectUri, logoutReturnTo, contactsApi,
                calendarApi, interval, loginMode, embedded, dataDir, smokeTest, screenshot, smokeEmail,
                smokePassword, headless);
    }

    /** The effective settings, for the log: no secrets in here. */
    public String describe() {
        return "issuer=" + issuer + " client_id=" + clientId + " audience=" + audience + " contacts=" + contactsApi
                + " calendar=" + calendarApi + " check_session=" + checkSession + " login=" + loginMode
                + " embedded=" + embedded + " data_dir=" + dataDir;
    }

    /** Accepts Auth0's bare domain ({@code tenant.eu.auth0.com}) as well as an issuer URL; always a trailing slash. */
    static URI issuer(String value) {
        if (value == null) {
            return LOCAL_ISSUER;
        }
        var text = value.contains("://") ? value : "https://" + value;
        var uri = url("issuer", text.endsWith("/") ? text : text + "/");
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException("issuer must not have a query or fragment: " + value);
        }
        return uri;
    }

    static Duration duration(String value) {
        var text = value.trim().toLowerCase(Locale.ROOT);
        try {
            Duration result;
            if (text.startsWith("pt")) {
                result = Duration.parse(text.toUpperCase(Locale.ROOT));
            } else if (text.endsWith("ms")) {
                result = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                result = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("m")) {
                result = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            } else if (text.endsWith("h")) {
                result = Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
            } else {
                result = Duration.ofSeconds(Long.parseLong(text));
            }
            if (result.isNegative() || result.isZero()) {
                throw new ConfigException("check-session interval must be positive: " + value);
            }
            return result;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ConfigException("not a duration (use e.g. 15m, 30s or PT15M): " + value);
        }
    }

    private static URI url(String name, String value) {
        try {
            var uri = URI.create(value.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(name + " must be an http(s) URL: " + value);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + " is not a URL: " + value);
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            var names = new StringBuilder();
            for (var constant : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new ConfigException(name + " must be one of " + names + ": " + value);
        }
    }

    private static Map<String, String> readFile(Path file, boolean required) {
        var values = new HashMap<String, String>();
        if (!Files.exists(file)) {
            if (required) {
                throw new ConfigException("config file not found: " + file);
            }
            return values;
        }
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        properties.stringPropertyNames().forEach(name -> {
            var value = properties.getProperty(name).trim();
            if (!value.isEmpty()) {
                values.put(name, value);
            }
        });
        return values;
    }

    /** {@code $XDG_CONFIG_HOME/organizer}, {@code ~/Library/Application Support/Organizer}, {@code %APPDATA%\Organizer}. */
    static Path configDir(Map<String, String> env) {
        return userDir(env, "XDG_CONFIG_HOME", ".config");
    }

    /** {@code $XDG_DATA_HOME/organizer} (default {@code ~/.local/share/organizer}), or the OS's equivalent. */
    static Path dataDir(Map<String, String> env) {
        return userDir(env, "XDG_DATA_HOME", ".local/share");
    }

    private static Path userDir(Map<String, String> env, String xdgVariable, String xdgDefault) {
        var home = Path.of(System.getProperty("user.home"));
        var os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            var appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("Organizer");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Organizer");
        }
        var xdg = env.get(xdgVariable);
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(xdgDefault)).resolve("organizer");
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (var value : values) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                return value;
            }
        }
        return null;
    }
}
