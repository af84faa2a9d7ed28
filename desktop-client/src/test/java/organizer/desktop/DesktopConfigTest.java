package organizer.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DesktopConfigTest {
    @TempDir
    Path dir;

    Map<String, String> env(String... pairs) {
        var map = new java.util.HashMap<String, String>();
        map.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        map.put("XDG_DATA_HOME", dir.resolve("data").toString());
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void defaultsAreTheLocalTenant() {
        var config = DesktopConfig.from(new String[0], env());
        assertThat(config.issuer()).isEqualTo(URI.create("http://localhost:4000/"));
        assertThat(config.clientId()).isEqualTo("organizer-spa");
        assertThat(config.audience()).isEqualTo("organize");
        assertThat(config.scope()).isEqualTo("openid profile email read:calendar read:contacts");
        assertThat(config.redirectUri()).isEqualTo(URI.create("http://localhost:3000/callback.html"));
        assertThat(config.contactsApi()).isEqualTo(URI.create("http://localhost:3001"));
        assertThat(config.calendarApi()).isEqualTo(URI.create("http://localhost:3002"));
        assertThat(config.checkSession()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.loginMode()).isEqualTo(DesktopConfig.LoginMode.IMPLICIT);
        assertThat(config.embedded().auth(config.issuer())).isTrue();
        assertThat(config.embedded().apis(config.issuer())).isTrue();
        assertThat(config.dataDir()).isEqualTo(dir.resolve("data/organizer"));
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Files.createDirectories(dir.resolve("config/organizer"));
        Files.writeString(dir.resolve("config/organizer/organizer.properties"),
                "AUTH0_DOMAIN=file.eu.auth0.com\nAUTH0_CLIENT_ID=from-file\nAUDIENCE=file-aud\nCHECK_SESSION_INTERVAL=20m\n");
        var fileOnly = DesktopConfig.from(new String[0], env());
        assertThat(fileOnly.issuer()).isEqualTo(URI.create("https://file.eu.auth0.com/"));
        assertThat(fileOnly.clientId()).isEqualTo("from-file");
        assertThat(fileOnly.audience()).isEqualTo("file-aud");
        assertThat(fileOnly.checkSession()).isEqualTo(Duration.ofMinutes(20));

        var envToo = DesktopConfig.from(new String[0], env("AUTH0_CLIENT_ID", "from-env", "AUTH0_DOMAIN", "env.auth0.com"));
        assertThat(envToo.clientId()).isEqualTo("from-env");
        assertThat(envToo.issuer()).isEqualTo(URI.create("https://env.auth0.com/"));
        assertThat(envToo.audience()).isEqualTo("file-aud");

        var flags = DesktopConfig.from(new String[]{"--client-id=from-flag", "--issuer=http://127.0.0.1:4100"},
                env("AUTH0_CLIENT_ID", "from-env"));
        assertThat(flags.clientId()).isEqualTo("from-flag");
        assertThat(flags.issuer()).isEqualTo(URI.create("http://127.0.0.1:4100/"));
    }

    @Test
    void aRealTenantStartsNothingLocalUnlessAsked() {
        var config = DesktopConfig.from(new String[0], env("AUTH0_DOMAIN", "tenant.auth0.com"));
        assertThat(config.embedded().auth(config.issuer())).isFalse();
        assertThat(config.embedded().apis(config.issuer())).isFalse();
        var apis = DesktopConfig.from(new String[]{"--embedded=apis"}, env("AUTH0_DOMAIN", "tenant.auth0.com"));
        assertThat(apis.embedded().auth(apis.issuer())).isFalse();
        assertThat(apis.embedded().apis(apis.issuer())).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"15m, 900", "30s, 30", "PT2M, 120", "45, 45", "1h, 3600", "500ms, 0"})
    void durations(String text, long seconds) {
        assertThat(DesktopConfig.duration(text).toSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--login=oauth1 | --login must be one of implicit, pkce: oauth1",
            "--check-session=soon | not a duration",
            "--check-session=0s | must be positive",
            "--contacts-api=ftp://x | --contacts-api must be an http(s) URL",
            "--nope | Unknown option: '--nope'",
            "--issuer=https://t.auth0.com/?x=1 | must not have a query",
            "--config=/no/such/file.properties | config file not found",
    })
    void badSettingsFailWithOneLine(String flag, String message) {
        assertThatThrownBy(() -> DesktopConfig.from(new String[]{flag}, env()))
                .isInstanceOf(DesktopConfig.ConfigException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void smokeCredentialsComeFromTheEnvironment() {
        var config = DesktopConfig.from(new String[]{"--smoke-test", "--screenshot=" + dir.resolve("s.png")},
                env("ORGANIZER_SMOKE_EMAIL", "a@b.test", "ORGANIZER_SMOKE_PASSWORD", "pw", "DISPLAY", ""));
        assertThat(config.smokeTest()).isTrue();
        assertThat(config.smokeEmail()).isEqualTo("a@b.test");
        assertThat(config.smokePassword()).isEqualTo("pw");
        assertThat(config.screenshot()).isEqualTo(dir.resolve("s.png"));
        assertThat(config.headless()).isTrue();
        assertThat(config.describe()).doesNotContain("pw");
    }
}
