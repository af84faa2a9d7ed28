package organizer.desktop;

import javafx.scene.Node;
import javafx.scene.Parent;
import organizer.desktop.session.Session;

/** Builds the main window's content for a session, and tells smoke mode when its data has loaded. */
final class MainWindow {
    private final DesktopConfig config;

    MainWindow(DesktopConfig config) {
        this.config = config;
    }

    Node create(Session session) {
        return new SignedInPlaceholder(session);
    }

    /** Ready when the main window is shown (until the views report their loading). */
    static SmokeRun.Readiness readiness(Parent root) {
        return new SmokeRun.Readiness() {
            @Override
            public String state() {
                return root.lookup("#main") != null ? "" : null;
            }

            @Override
            public String summary() {
                return "";
            }
        };
    }
}
