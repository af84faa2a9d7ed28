package organizer.desktop;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The window comes back where it was, and as large, if that place is still on a screen. */
final class WindowPlacement {
    private WindowPlacement() {
    }

    static void remember(Stage stage, Path file) {
        restore(stage, file);
        stage.setOnHiding(e -> save(stage, file));
    }

    private static void restore(Stage stage, Path file) {
        if (!Files.exists(file)) {
            return;
        }
        var saved = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            saved.load(reader);
            double x = Double.parseDouble(saved.getProperty("x"));
            double y = Double.parseDouble(saved.getProperty("y"));
            double width = Double.parseDouble(saved.getProperty("width"));
            double height = Double.parseDouble(saved.getProperty("height"));
            if (width < 400 || height < 300 || Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
                return;
            }
            stage.setX(x);
            stage.setY(y);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setMaximized(Boolean.parseBoolean(saved.getProperty("maximized")));
        } catch (IOException | RuntimeException e) {
            // a damaged file: start with the default placement
        }
    }

    private static void save(Stage stage, Path file) {
        var saved = new Properties();
        saved.setProperty("x", Double.toString(stage.getX()));
        saved.setProperty("y", Double.toString(stage.getY()));
        saved.setProperty("width", Double.toString(stage.getWidth()));
        saved.setProperty("height", Double.toString(stage.getHeight()));
        saved.setProperty("maximized", Boolean.toString(stage.isMaximized()));
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                saved.store(writer, "Organizer window placement");
            }
        } catch (IOException e) {
            // not worth bothering anyone about
        }
    }
}
