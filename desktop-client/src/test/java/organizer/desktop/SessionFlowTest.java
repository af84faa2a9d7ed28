package organizer.desktop;

import static organizer.desktop.DesktopFixture.await;
import static organizer.desktop.DesktopFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import organizer.desktop.OrganizerApp.Screen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSO across windows and restarts, and single logout through the checkSession poll (every 2 s here; the app's
 * default is 15 min). Two app instances share the JVM's cookie jar as two processes share its file.
 */
class SessionFlowTest {
    @TempDir
    static Path dir;
    static DesktopFixture fixture;

    @BeforeAll
    static void startBackend() throws Exception {
        fixture = DesktopFixture.start(dir, "test-tenant.json", Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopBackend() throws Exception {
        fixture.close();
    }

    @Test
    void aSecondInstanceSignsInSilentlyAndLogsOutAtItsNextPollWhenTheFirstLogsOut() throws Exception {
        fixture.freshCookies();
        var first = fixture.open();
        fixture.signIn(first, "erin@organizer.test", "erin-password-1");

        var second = fixture.open();
        fixture.awaitScreen(second, Screen.MAIN); // no login page: the SSO cookie signed it in
        assertThat(second.sessions().session().user().email()).isEqualTo("erin@organizer.test");
        // A poll with a live session keeps the second instance signed in.
        var token = second.sessions().session().accessToken();
        await("a checkSession poll that renews the tokens",
                () -> second.sessions().session() != null && !token.equals(second.sessions().session().accessToken()));
        assertThat(onFx(() -> second.screenProperty().get())).isEqualTo(Screen.MAIN);

        onFx(() -> first.sessions().logout());
        fixture.awaitElement(first, "email");
        fixture.awaitScreen(second, Screen.LOGIN);
        assertThat(second.sessions().session()).isNull();
        assertThat(second.loginMessage()).contains("signed out");
        fixture.close(first);
        fixture.close(second);
    }

    @Test
    void aRestartSignsInSilentlyFromTheCookieFile() throws Exception {
        fixture.freshCookies();
        var app = fixture.open();
        fixture.signIn(app, "frank@organizer.test", "frank-password-1");
        fixture.close(app);

        fixture.reopenCookies(); // what the next process reads from the owner-only file
        var restarted = fixture.open();
        fixture.awaitScreen(restarted, Screen.MAIN);
        assertThat(restarted.sessions().session().user().email()).isEqualTo("frank@organizer.test");
        fixture.close(restarted);
    }
}
