package organizer.desktop;

import static organizer.desktop.DesktopFixture.await;
import static organizer.desktop.DesktopFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import organizer.desktop.OrganizerApp.Screen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Silent renewal with a tenant whose implicit tokens live 12 s: the app renews before expiry, no login shown. */
class RenewalFlowTest {
    @TempDir
    static Path dir;
    static DesktopFixture fixture;

    @BeforeAll
    static void startBackend() throws Exception {
        fixture = DesktopFixture.start(dir, "short-token-tenant.json", Duration.ofMinutes(15));
    }

    @AfterAll
    static void stopBackend() throws Exception {
        fixture.close();
    }

    @Test
    void theAccessTokenIsRenewedSilentlyBeforeItExpires() throws Exception {
        fixture.freshCookies();
        var app = fixture.open();
        fixture.signIn(app, "grace@organizer.test", "grace-password-1");
        var session = app.sessions().session();
        var seen = new HashSet<String>();
        seen.add(session.accessToken());
        var loginShown = new boolean[1];
        onFx(() -> {
            app.screenProperty().addListener((o, old, now) -> loginShown[0] |= now == Screen.LOGIN);
            return null;
        });
        // Two renewals in a row: each new token is scheduled for renewal again.
        await("two silent renewals", () -> {
            seen.add(session.accessToken());
            return seen.size() >= 3;
        });
        assertThat(loginShown[0]).isFalse();
        assertThat(app.sessions().session()).isSameAs(session); // the views keep their session; only the token changed
        fixture.close(app);
    }

    @Test
    void renewalAfterTheSsoSessionEndedShowsTheLogin() throws Exception {
        fixture.freshCookies();
        var app = fixture.open();
        fixture.signIn(app, "heidi@organizer.test", "heidi-password-1");
        fixture.cookies.removeAll(); // the SSO cookie is gone (cleared by the user, or expired)
        fixture.awaitScreen(app, Screen.LOGIN);
        assertThat(app.loginMessage()).contains("session has ended");
        fixture.close(app);
    }
}
