package organizer.desktop.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import organizer.desktop.DesktopConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process backend: real servers on free ports; a taken port is explained, or reused when it is ours. */
class EmbeddedBackendTest {
    @TempDir
    Path dir;

    DesktopConfig config(String... flags) {
        return DesktopConfig.from(flags, Map.of("ORGANIZER_DATA_DIR", dir.resolve("data").toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString()));
    }

    @Test
    void startsTheAuthServerAndBothApisAndPointsTheConfigAtThem() throws Exception {
        try (var backend = EmbeddedBackend.start(config(), EmbeddedBackend.Ports.FREE, new LocalAuthServer(null, false))) {
            var effective = backend.config();
            assertThat(effective.issuer().toString()).matches("http://localhost:\\d+/");
            assertThat(EmbeddedBackend.answers(effective.issuer().resolve("/.well-known/openid-configuration"),
                    "\"issuer\":\"" + effective.issuer() + "\"")).isTrue();
            assertThat(EmbeddedBackend.answers(URI.create(effective.contactsApi() + "/healthz"), null)).isTrue();
            assertThat(EmbeddedBackend.answers(URI.create(effective.calendarApi() + "/healthz"), null)).isTrue();
            assertThat(dir.resolve("data/auth")).isDirectory();
            assertThat(dir.resolve("data/api")).isDirectory();
        }
    }

    @Test
    void aPortTakenByAnotherProgramIsSaidPlainly() throws Exception {
        try (var squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var port = squatter.getLocalPort();
            assertThatThrownBy(() -> EmbeddedBackend.start(config(), new EmbeddedBackend.Ports(port, 0, 0),
                    new LocalAuthServer(null, false)))
                    .isInstanceOf(EmbeddedBackend.StartFailed.class)
                    .hasMessageStartingWith("Port " + port + " is in use by another program")
                    .hasMessageContaining("--embedded=none")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
        }
    }

    @Test
    void aSecondWindowUsesTheServersTheFirstOneStarted() throws Exception {
        try (var first = EmbeddedBackend.start(config(), EmbeddedBackend.Ports.FREE, new LocalAuthServer(null, false))) {
            var taken = first.config();
            var ports = new EmbeddedBackend.Ports(taken.issuer().getPort(), taken.contactsApi().getPort(),
                    taken.calendarApi().getPort());
            var otherDir = dir.resolve("second");
            var secondConfig = DesktopConfig.from(new String[0], Map.of("ORGANIZER_DATA_DIR", otherDir.toString(),
                    "XDG_CONFIG_HOME", dir.resolve("config").toString()));
            try (var second = EmbeddedBackend.start(secondConfig, ports, new LocalAuthServer(null, false))) {
                assertThat(second.config().issuer()).isEqualTo(taken.issuer());
                assertThat(second.config().contactsApi().getPort()).isEqualTo(taken.contactsApi().getPort());
                assertThat(second.config().calendarApi().getPort()).isEqualTo(taken.calendarApi().getPort());
            }
            // The second closed nothing of the first.
            assertThat(EmbeddedBackend.answers(URI.create(taken.contactsApi() + "/healthz"), null)).isTrue();
        }
    }

    @Test
    void aRealTenantStartsNothingLocal() throws Exception {
        try (var backend = EmbeddedBackend.start(config("--issuer=https://tenant.example.auth0.com"),
                EmbeddedBackend.Ports.FREE, new LocalAuthServer(null, false))) {
            assertThat(backend.config().issuer()).isEqualTo(URI.create("https://tenant.example.auth0.com/"));
            assertThat(backend.config().contactsApi()).isEqualTo(DesktopConfig.LOCAL_CONTACTS);
            assertThat(dir.resolve("data")).doesNotExist();
        }
    }
}
