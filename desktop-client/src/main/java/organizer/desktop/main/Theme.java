package organizer.desktop.main;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The look of the app: AtlantaFX's Primer Light as the user-agent stylesheet (a light theme, because CalendarFX's
 * body stays white), plus Organizer's sheet, which also defines the Modena colours CalendarFX and ControlsFX look up
 * (without it every window logs CSS warnings) and tunes CalendarFX to match.
 */
public final class Theme {
    private static final String SHEET = Theme.class.getResource("organizer.css").toExternalForm();

    private Theme() {
    }

    /** Call on the FX thread before the scene is shown; applying it twice does no harm. */
    public static void apply(Scene scene) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(SHEET)) {
            scene.getStylesheets().add(SHEET);
        }
    }
}
