package organizer.desktop.contacts;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/**
 * A round badge with a person's initial, its colour chosen from the name so a person keeps the same colour
 * everywhere (the table, the detail pane, the header). Colours come from the stylesheet ({@code .avatar-0} …).
 */
public final class Avatar extends StackPane {
    private static final int COLOURS = 8;
    private final Label letter = new Label();
    private final Circle circle;

    public Avatar(double radius) {
        circle = new Circle(radius);
        circle.getStyleClass().add("avatar-circle");
        letter.getStyleClass().add("avatar-letter");
        letter.setStyle("-fx-font-size: " + Math.round(radius * 0.9) + "px;");
        getStyleClass().add("avatar");
        setAlignment(Pos.CENTER);
        setMinSize(radius * 2, radius * 2);
        setMaxSize(radius * 2, radius * 2);
        getChildren().addAll(circle, letter);
    }

    /** Shows the initial of {@code name} (or of {@code fallback} when the name is blank). */
    public void show(String name, String fallback) {
        var source = name != null && !name.isBlank() ? name.strip() : fallback == null ? "" : fallback.strip();
        letter.setText(source.isEmpty() ? "?" : source.substring(0, source.offsetByCodePoints(0, 1))
                .toUpperCase(Locale.ROOT));
        getStyleClass().removeIf(style -> style.startsWith("avatar-") && !style.equals("avatar-circle"));
        getStyleClass().add("avatar-" + Math.floorMod(source.toLowerCase(Locale.ROOT).hashCode(), COLOURS));
    }

    public String letter() {
        return letter.getText();
    }
}
