package organizer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiConfigTest {
    @Test
    void fromWithoutFlagsOrEnvGivesTheContractDefaults() {
        var config = ApiConfig.from(new String[0], Map.of());
        assertThat(config.services()).containsExactlyInAnyOrder(ApiService.CONTACTS, ApiService.CALENDAR);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port(ApiService.CONTACTS)).isEqualTo(3001);
        assertThat(config.port(ApiService.CALENDAR)).isEqualTo(3002);
        assertThat(config.port()).isNull();
        assertThat(config.issuer()).isEqualTo(URI.create("http://localhost:4000/"));
        assertThat(config.audience()).isEqualTo("organize");
        assertThat(config.jwksUri()).isEqualTo(URI.create("http://localhost:4000/.well-known/jwks.json"));
        assertThat(config.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".organizer", "api"));
        assertThat(config.dbUrl()).isNull();
        assertThat(config.jdbcUrl(ApiService.CONTACTS)).startsWith("jdbc:h2:file:").contains("contacts");
        assertThat(config.corsOrigins()).containsExactly("http://localhost:3000");
        assertThat(config.seed()).isTrue();
        assertThat(config.accessLog()).isTrue();
        assertThat(config).isEqualTo(ApiConfig.builder().build());
    }

    @Test
    void fromTakesEnvironmentVariablesAndFlagsWinOverThem() {
        var env = Map.of("ISSUER_BASE_URL", "https://tenant.example.auth0.com", "AUDIENCE", "https://api.example",
                "ORGANIZER_CONTACTS_PORT", "8001", "ORGANIZER_CALENDAR_PORT", "8002", "ORGANIZER_SEED", "false",
                "ORGANIZER_CORS_ORIGINS", "https://a.example, https://b.example", "ORGANIZER_HOST", "0.0.0.0",
                "ORGANIZER_DB_URL", "jdbc:postgresql://db/organizer");
        var config = ApiConfig.from(new String[] {"--calendar-port=9002", "--seed", "--host", "::1"}, env);
        // Auth0's issuer has a trailing slash: a bare origin gets one
        assertThat(config.issuer()).isEqualTo(URI.create("https://tenant.example.auth0.com/"));
        assertThat(config.jwksUri()).isEqualTo(URI.create("https://tenant.example.auth0.com/.well-known/jwks.json"));
        assertThat(config.audience()).isEqualTo("https://api.example");
        assertThat(config.port(ApiService.CONTACTS)).isEqualTo(8001);
        assertThat(config.port(ApiService.CALENDAR)).isEqualTo(9002);
        assertThat(config.host()).isEqualTo("::1");
        assertThat(config.seed()).isTrue();
        assertThat(config.corsOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(config.jdbcUrl(ApiService.CALENDAR)).isEqualTo("jdbc:postgresql://db/organizer");
    }

    @Test
    void fromWithModeFlags() {
        var single = ApiConfig.from(new String[] {"--port", "8080", "--no-seed", "--no-access-log"}, Map.of());
        assertThat(single.port(ApiService.CONTACTS)).isEqualTo(8080);
        assertThat(single.port(ApiService.CALENDAR)).isEqualTo(8080);
        assertThat(single.seed()).isFalse();
        assertThat(single.accessLog()).isFalse();
        var alone = ApiConfig.from(new String[] {"--service", "contacts"}, Map.of("ORGANIZER_SERVICE", "calendar"));
        assertThat(alone.services()).containsExactly(ApiService.CONTACTS);
        var fromEnv = ApiConfig.from(new String[0], Map.of("ORGANIZER_SERVICE", "calendar", "ORGANIZER_PORT", "7000"));
        assertThat(fromEnv.services()).containsExactly(ApiService.CALENDAR);
        assertThat(fromEnv.port()).isEqualTo(7000);
        var issuerWithPath = ApiConfig.from(new String[] {"--issuer", "https://id.example/realms/x"}, Map.of());
        assertThat(issuerWithPath.issuer()).isEqualTo(URI.create("https://id.example/realms/x")); // kept exactly
        var jwks = ApiConfig.from(new String[] {"--jwks-uri", "http://127.0.0.1:9/keys"}, Map.of());
        assertThat(jwks.jwksUri()).isEqualTo(URI.create("http://127.0.0.1:9/keys"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--nope                                | Unknown option",
            "--contacts-port=abc                   | --contacts-port",
            "--contacts-port=70000                 | between 0 and 65535",
            "--service=mail                        | --service must be all, contacts or calendar",
            "--issuer=ftp://x/                     | issuer must be an http(s) URL",
            "--issuer=http://exa%mple/            | --issuer is not a URL",
            "--db-url=postgres://x                 | JDBC URL",
            "--audience=                           | audience must not be empty",
            "--contacts-port=4000 --calendar-port=4000 | use --port 4000",
    })
    void fromWithBadFlagsThenOneClearLine(String args, String message) {
        assertThatThrownBy(() -> ApiConfig.from(args.split(" "), Map.of()))
                .isInstanceOf(ApiFlags.BadCommandLine.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void fromWithABadEnvironmentValueThenBadCommandLine() {
        assertThatThrownBy(() -> ApiConfig.from(new String[0], Map.of("ORGANIZER_CALENDAR_PORT", "x")))
                .isInstanceOf(ApiFlags.BadCommandLine.class);
        assertThatThrownBy(() -> ApiConfig.from(new String[0], Map.of("ORGANIZER_SEED", "maybe")))
                .isInstanceOf(ApiFlags.BadCommandLine.class);
    }

    @Test
    void fromWithHelpListsEveryFlagAndItsEnvironmentVariable() {
        assertThatThrownBy(() -> ApiConfig.from(new String[] {"--help"}, Map.of()))
                .isInstanceOf(ApiFlags.HelpRequested.class)
                .satisfies(e -> {
                    var text = ((ApiFlags.HelpRequested) e).text;
                    ApiFlags.ENV.forEach((flag, env) -> assertThat(text).contains(flag.substring(2)).contains(env));
                });
    }

    @Test
    void builderIsThePublicWayToEmbedTheServer(@org.junit.jupiter.api.io.TempDir Path dir) {
        var config = ApiConfig.builder().dataDir(dir).services(EnumSet.of(ApiService.CONTACTS)).contactsPort(0).build();
        assertThat(config.jdbcUrl(ApiService.CONTACTS)).contains(dir.toString());
        var moved = config.toBuilder().issuer(URI.create("http://127.0.0.1:4100/")).build();
        assertThat(moved.jwksUri()).isEqualTo(URI.create("http://127.0.0.1:4100/.well-known/jwks.json"));
        assertThat(moved.corsOrigins()).isEqualTo(List.of("http://localhost:3000"));
    }

    @Test
    void redactHidesDatabasePasswords() {
        assertThat(ApiConfig.redact("jdbc:postgresql://db/o?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/o?user=u&password=***&ssl=true");
        assertThat(ApiConfig.redact("jdbc:postgresql://u:s3cret@db/o")).isEqualTo("jdbc:postgresql://u:***@db/o");
    }
}
