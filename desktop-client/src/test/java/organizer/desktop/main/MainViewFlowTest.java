package organizer.desktop.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import organizer.common.domain.Appointment;
import organizer.common.domain.Contact;
import organizer.desktop.api.OrganizerApiClient;
import organizer.desktop.testing.FixedTokenSession;
import organizer.desktop.testing.RealApi;
import organizer.desktop.testing.Snapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window against the real api-server on free ports (tokens signed by the test's key), driven by TestFX
 * under Monocle headless.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewFlowTest {
    private static final String BOTH = "openid profile email read:contacts read:calendar";

    @TempDir
    Path dataDir;
    private RealApi api;
    private Stage stage;
    private MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startApi() throws Exception {
        api = new RealApi(dataDir);
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private FixedTokenSession session(String token, String grantedScope) {
        return new FixedTokenSession(token, grantedScope, FixedTokenSession.alice());
    }

    private void show(FxRobot robot, FixedTokenSession session) {
        robot.interact(() -> {
            view = new MainView(session, new OrganizerApiClient(api.http, api.contacts(), api.calendar(), session));
            var scene = new Scene(view, 1280, 800);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
    }

    @Test
    void showsWhoIsSignedInAndBothViewsLoadWithTheSameToken(FxRobot robot) throws Exception {
        var cssWarnings = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var css = java.util.logging.Logger.getLogger("javafx.css");
        var handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    cssWarnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        css.addHandler(handler);
        show(robot, session(api.token(BOTH), BOTH));

        TableView<Contact> table = robot.lookup("#contactsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 12);
        assertThat(text(robot, "#userName")).isEqualTo("Alice Johnson");
        assertThat(text(robot, "#userEmail")).isEqualTo("alice@organizer.test");
        assertThat(robot.lookup("#avatar .label").queryAs(Label.class).getText()).isEqualTo("A");
        assertThat(robot.lookup("#scopes .scope-granted").queryAll()).extracting(n -> ((Label) n).getText())
                .containsExactly("read:contacts", "read:calendar");
        assertThat(robot.lookup("#banner").query().isVisible()).isFalse();
        // sorted by name, the first one selected and shown in the detail pane
        assertThat(table.getItems().get(0).name()).isEqualTo("Ana Ribeiro");
        waitUntil(() -> "Ana Ribeiro".equals(text(robot, "#detailName")));
        assertThat(text(robot, "#detailEmail")).isEqualTo("ana.ribeiro@example.com");

        robot.clickOn("#calendarTab");
        ListView<Appointment> agenda = robot.lookup("#agendaList").queryListView();
        waitUntil(() -> !agenda.getItems().isEmpty());
        assertThat(robot.lookup("#calendarView").query().isVisible()).isTrue();
        assertThat(view.calendarModel().appointments()).extracting(Appointment::title).contains("Team stand-up");
        waitUntil(() -> !robot.lookup("#calendarView .style1-entry").queryAll().isEmpty());

        render(robot, "organizer-calendar.png");
        robot.interact(() -> ((organizer.desktop.calendar.CalendarView) robot.lookup("#calendarPane").query())
                .calendarControl().showMonthPage());
        render(robot, "organizer-calendar-month.png");
        robot.interact(() -> ((organizer.desktop.calendar.CalendarView) robot.lookup("#calendarPane").query())
                .calendarControl().showDayPage());
        render(robot, "organizer-calendar-day.png");
        robot.clickOn("#contactsTab");
        render(robot, "organizer-contacts.png");
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(640);
        });
        robot.clickOn("#calendarTab");
        render(robot, "organizer-narrow.png");
        assertThat(robot.lookup("#logout").queryButton().getContentDisplay())
                .isEqualTo(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        css.removeHandler(handler);
        // The theme sheet defines the Modena colours CalendarFX and ControlsFX look up: no CSS warnings.
        assertThat(cssWarnings).isEmpty();
    }

    @Test
    void typingInTheSearchFieldFiltersTheTableAndCtrlFFocusesIt(FxRobot robot) throws Exception {
        show(robot, session(api.token(BOTH), BOTH));
        TableView<Contact> table = robot.lookup("#contactsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 12);

        robot.clickOn("#calendarTab");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField search = robot.lookup("#contactSearch").queryAs(TextField.class);
        assertThat(view.sectionProperty().get()).isEqualTo(MainView.Section.CONTACTS);
        assertThat(search.isFocused()).isTrue();

        robot.write("grace");
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).name()).isEqualTo("Grace Liu");
        assertThat(text(robot, "#contactCount")).isEqualTo("1 of 12 contacts");

        robot.interact(() -> search.setText("example.org"));
        robot.clickOn(robot.lookup(".column-header .label")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("Company")).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(Contact::company)
                .containsExactly("Blue Yonder Airlines", "Contoso Ltd", "Proseware", "Tailspin Toys");
        assertThat(table.getItems()).extracting(Contact::email).allMatch(email -> email.endsWith("example.org"))
                .hasSize(4);
    }

    @Test
    void withoutReadCalendarTheCalendarExplainsAndOffersToReauthorize(FxRobot robot) throws Exception {
        var session = session(api.token("openid profile email read:contacts"), "openid profile email read:contacts");
        show(robot, session);
        TableView<Contact> table = robot.lookup("#contactsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 12);
        assertThat(robot.lookup("#banner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#scopes .scope-missing").queryAll()).extracting(n -> ((Label) n).getText())
                .containsExactly("read:calendar");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#banner").query().isVisible());
        assertThat(text(robot, "#bannerMessage")).startsWith("Organizer was not given access to your calendar");
        render(robot, "organizer-no-calendar.png");
        robot.clickOn("#reauthorize");
        assertThat(session.reauthorized()).containsExactly("read:calendar");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitUntil(() -> !robot.lookup("#banner").query().isVisible()); // the contacts have nothing to complain of
        assertThat(view.sectionProperty().get()).isEqualTo(MainView.Section.CONTACTS);
    }

    @Test
    void aForbiddenAnswerFromTheApiIsExplainedTheSameWay(FxRobot robot) throws Exception {
        // The session believes read:calendar was granted, but the token lacks it: the API answers 403.
        var session = session(api.token("openid read:contacts"), BOTH);
        show(robot, session);
        robot.clickOn("#calendarTab");
        waitUntil(() -> robot.lookup("#banner").query().isVisible());
        assertThat(text(robot, "#bannerMessage")).startsWith("Organizer was not given access to your calendar");
        robot.clickOn("#reauthorize");
        assertThat(session.reauthorized()).containsExactly("read:calendar");
    }

    @Test
    void whenTheApiIsDownABannerOffersRetryWhichWorksOnceItIsBack(FxRobot robot) throws Exception {
        api.stop();
        show(robot, session(api.token(BOTH), BOTH));
        waitUntil(() -> robot.lookup("#banner").query().isVisible());
        assertThat(text(robot, "#bannerTitle")).isEqualTo("Cannot reach the contacts service");
        assertThat(robot.lookup("#retry").queryButton().isVisible()).isTrue();
        TableView<Contact> table = robot.lookup("#contactsTable").queryTableView();
        assertThat(table.getItems()).isEmpty();
        render(robot, "organizer-offline.png");

        api.start();
        robot.clickOn("#retry");
        waitUntil(() -> table.getItems().size() == 12);
        waitUntil(() -> !robot.lookup("#banner").query().isVisible());
    }

    @Test
    void anExpiredTokenIsRenewedSilentlyAndTheDataStillLoads(FxRobot robot) throws Exception {
        var session = session(api.expiredToken(BOTH), BOTH).renewWith(() -> api.token(BOTH));
        show(robot, session);
        TableView<Contact> table = robot.lookup("#contactsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 12);
        robot.clickOn("#calendarTab");
        waitUntil(() -> !view.calendarModel().agenda().isEmpty());
        assertThat(session.renewals()).isEqualTo(1); // both views met the expired token: one renewal served both
        assertThat(robot.lookup("#banner").query().isVisible()).isFalse();
    }

    @Test
    void refreshReloadsAndLogoutEndsTheSessionFromButtonAndKeyboard(FxRobot robot) throws Exception {
        var session = session(api.token(BOTH), BOTH);
        show(robot, session);
        TableView<Contact> table = robot.lookup("#contactsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 12);

        api.stop(); // a refresh now fails, which proves it went to the API
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitUntil(() -> robot.lookup("#banner").query().isVisible());
        assertThat(table.getItems()).hasSize(12); // what was loaded stays on screen
        api.start();
        robot.clickOn("#refresh");
        waitUntil(() -> !robot.lookup("#banner").query().isVisible());
        api.stop();
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#banner").query().isVisible());
        api.start();
        robot.clickOn("#retry");
        waitUntil(() -> !robot.lookup("#banner").query().isVisible());

        robot.clickOn("#logout");
        assertThat(session.logouts()).isEqualTo(1);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.logouts()).isEqualTo(2);
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Label label ? label.getText() : ((Button) node).getText();
    }

    /** Polls {@code condition} on the FX thread until it holds (10 s at most). */
    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The window as a PNG under target/screenshots (and /tmp), for the README and for looking at. */
    private void render(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var dir = Files.createDirectories(Path.of("target", "screenshots"));
        robot.interact(() -> {
            try {
                Snapshots.writePng(view, dir.resolve(name));
                Snapshots.writePng(view, Path.of(System.getProperty("java.io.tmpdir"), name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(dir.resolve(name)).isNotEmptyFile();
    }
}
