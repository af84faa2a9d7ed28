package organizer.desktop;

import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.Parent;
import okhttp3.OkHttpClient;
import organizer.desktop.api.OrganizerApiClient;
import organizer.desktop.main.MainView;
import organizer.desktop.session.Session;

/** Builds the main window's content for a session, and tells smoke mode when both views have their data. */
final class MainWindow {
    /** One HTTP client for the app: its connection pool and threads are shared by both APIs and all sessions. */
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(15))
            .callTimeout(Duration.ofSeconds(30))
            .build();
    private final DesktopConfig config;

    MainWindow(DesktopConfig config) {
        this.config = config;
    }

    Node create(Session session) {
        return new MainView(session, new OrganizerApiClient(http, config.contactsApi(), config.calendarApi(), session));
    }

    /** Loaded when both views have their data (or a problem, which fails the smoke test with its words). */
    static SmokeRun.Readiness readiness(Parent root) {
        return new SmokeRun.Readiness() {
            @Override
            public String state() {
                if (!(root.lookup("#mainView") instanceof MainView main)) {
                    return null;
                }
                var contacts = main.contactsModel();
                var calendar = main.calendarModel();
                for (var problem : new organizer.desktop.api.Problem[]{contacts.problemProperty().get(),
                        calendar.problemProperty().get()}) {
                    if (problem != null) {
                        return problem.title() + ": " + problem.message();
                    }
                }
                var ready = contacts.loadedProperty().get() && !contacts.loadingProperty().get()
                        && calendar.rangeProperty().get() != null && !calendar.loadingProperty().get();
                return ready ? "" : null;
            }

            @Override
            public String summary() {
                var main = (MainView) root.lookup("#mainView");
                return "contacts=" + main.contactsModel().all().size()
                        + " appointments=" + main.calendarModel().appointments().size();
            }
        };
    }
}
