package organizer.desktop;

import static organizer.desktop.DesktopFixture.await;
import static organizer.desktop.DesktopFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import organizer.desktop.OrganizerApp.Screen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WebView login against the real auth-server and APIs (free ports, test tenant), under Monocle headless. */
class LoginFlowTest {
    @TempDir
    static Path dir;
    static DesktopFixture fixture;
    OrganizerApp app;

    @BeforeAll
    static void startBackend() throws Exception {
        fixture = DesktopFixture.start(dir, "test-tenant.json", Duration.ofMinutes(15));
    }

    @AfterAll
    static void stopBackend() throws Exception {
        fixture.close();
    }

    @BeforeEach
    void openWindow() throws Exception {
        fixture.freshCookies();
        app = fixture.open();
    }

    @AfterEach
    void closeWindow() throws Exception {
        fixture.close(app);
    }

    @Test
    void fullLoginTypingIntoTheRealPageAndAcceptingConsentShowsTheMainWindow() throws Exception {
        fixture.typeCredentials(app, "alice@organizer.test", "alice-password-1");
        fixture.awaitElement(app, "accept");
        assertThat(onFx(() -> app.loginView().engine().executeScript("document.getElementById('permissions').textContent")))
                .asString().contains("Read your calendar").contains("Read your contacts");
        fixture.clickElement(app, "accept");
        fixture.awaitScreen(app, Screen.MAIN);

        var session = app.sessions().session();
        assertThat(session.user().email()).isEqualTo("alice@organizer.test");
        assertThat(session.user().name()).isEqualTo("Alice Tester");
        assertThat(session.scopes()).contains("read:calendar", "read:contacts");
        assertThat(session.accessToken()).isNotBlank();
        // Tokens stay in memory: the only file written holds the authorization server's cookie, no token.
        assertThat(Files.readString(fixture.cookieFile())).doesNotContain(session.accessToken());
        // Both views load from the two APIs with the same token.
        fixture.awaitData(app);
        var main = (organizer.desktop.main.MainView) onFx(() -> app.root().lookup("#mainView"));
        assertThat(onFx(() -> main.contactsModel().all().size())).isPositive();
        assertThat(onFx(() -> main.calendarModel().appointments().size())).isPositive();
        assertThat(onFx(() -> ((javafx.scene.control.TableView<?>) app.root().lookup("#contactsTable")).getItems().size()))
                .isPositive();
        assertThat(onFx(() -> ((Label) app.root().lookup("#userEmail")).getText())).contains("alice@organizer.test");
    }

    @Test
    void aTokenWithoutReadCalendarExplainsAndReauthorizesForIt() throws Exception {
        fixture.close(app);
        app = fixture.open(fixture.config.withScope("openid profile email read:contacts"));
        fixture.signIn(app, "ivan@organizer.test", "ivan-password-1");
        assertThat(app.sessions().session().scopes()).doesNotContain("read:calendar");
        var main = (organizer.desktop.main.MainView) onFx(() -> app.root().lookup("#mainView"));
        onFx(() -> {
            main.show(organizer.desktop.main.MainView.Section.CALENDAR);
            return null;
        });
        await("the calendar's explanation", () -> app.root().lookup("#reauthorize") != null
                && app.root().lookup("#reauthorize").isVisible());
        assertThat(onFx(() -> ((Label) app.root().lookup("#bannerTitle")).getText() + " "
                + ((Label) app.root().lookup("#bannerMessage")).getText())).containsIgnoringCase("calendar");

        fixture.robot.clickOn("#reauthorize");
        // The SSO session is alive: no password, the consent page asks for the calendar.
        fixture.awaitElement(app, "accept");
        assertThat(onFx(() -> app.loginView().engine().executeScript("document.getElementById('permissions').textContent")))
                .asString().contains("Read your calendar");
        fixture.clickElement(app, "accept");
        fixture.awaitScreen(app, Screen.MAIN);
        assertThat(app.sessions().session().scopes()).contains("read:calendar", "read:contacts");
        fixture.awaitData(app);
    }

    @Test
    void secondLoginSkipsConsent() throws Exception {
        fixture.signIn(app, "bob@organizer.test", "bob-password-1");
        onFx(() -> app.sessions().logout());
        fixture.awaitElement(app, "email");

        var consentSeen = new boolean[1];
        onFx(() -> {
            app.loginView().engine().titleProperty().addListener((o, old, title) -> {
                if (title != null && title.startsWith("Authorize")) {
                    consentSeen[0] = true;
                }
            });
            return null;
        });
        fixture.typeCredentials(app, "bob@organizer.test", "bob-password-1");
        fixture.awaitScreen(app, Screen.MAIN);
        assertThat(consentSeen[0]).isFalse();
        assertThat(app.sessions().session().user().email()).isEqualTo("bob@organizer.test");
    }

    @Test
    void declinedConsentExplainsAndOffersTryAgain() throws Exception {
        fixture.typeCredentials(app, "carol@organizer.test", "carol-password-1");
        fixture.awaitElement(app, "decline");
        fixture.clickElement(app, "decline");
        await("the declined message", () -> app.loginMessage() != null && app.loginMessage().startsWith("You declined"));
        assertThat(onFx(() -> app.root().lookup("#tryAgain").isVisible())).isTrue();
        assertThat(onFx(() -> ((Label) app.root().lookup("#loginMessage")).getText()))
                .contains("declined to give Organizer access");
        assertThat(app.sessions().session()).isNull();

        fixture.robot.clickOn("#tryAgain");
        // The SSO session is alive: the server asks for consent again, without the password.
        fixture.awaitElement(app, "accept");
        fixture.clickElement(app, "accept");
        fixture.awaitScreen(app, Screen.MAIN);
    }

    @Test
    void aCallbackWithTamperedStateIsRejected() throws Exception {
        fixture.awaitElement(app, "email");
        onFx(() -> {
            app.loginView().engine().load(fixture.config.redirectUri() + "#access_token=x&token_type=Bearer"
                    + "&expires_in=7200&id_token=y&state=forged");
            return null;
        });
        await("the rejection", () -> app.loginMessage() != null && app.loginMessage().contains("state mismatch"));
        assertThat(app.sessions().session()).isNull();
        assertThat(onFx(() -> app.screenProperty().get())).isEqualTo(Screen.LOGIN);
    }

    @Test
    void wrongPasswordKeepsTheLoginPageWithTheServersMessage() throws Exception {
        fixture.typeCredentials(app, "dave@organizer.test", "not-the-password");
        await("the error on the login page", () -> DesktopFixture.hasElementNow(app, "error"));
        assertThat(app.sessions().session()).isNull();
    }

    @Test
    void logoutEndsTheSsoSessionAndShowsTheLogin() throws Exception {
        fixture.signIn(app, "dave@organizer.test", "dave-password-1");
        assertThat(Files.readString(fixture.cookieFile())).contains("\"name\":\"auth0\"");
        fixture.robot.clickOn("#logout");
        fixture.awaitElement(app, "email"); // the login form again, not a silent way back in
        assertThat(app.sessions().session()).isNull();
        // The server cleared its session cookie; a restart finds no session and shows the login.
        assertThat(Files.readString(fixture.cookieFile())).doesNotContain("\"name\":\"auth0\"");
        fixture.close(app);
        fixture.reopenCookies();
        app = fixture.open();
        fixture.awaitElement(app, "email");
        assertThat(app.sessions().session()).isNull();
    }
}
