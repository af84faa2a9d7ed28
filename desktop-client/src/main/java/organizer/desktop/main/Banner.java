package organizer.desktop.main;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import organizer.desktop.api.Problem;

/**
 * The strip under the header that says why a view is empty: a network or server failure (red, "Try again") or
 * access that was not given (amber, "Allow access…"). Hidden while there is nothing to say.
 */
final class Banner extends HBox {
    private final FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
    private final Label title = new Label();
    private final Label message = new Label();
    final Button retry = new Button("Try again", new FontIcon(Feather.REFRESH_CW));
    final Button reauthorize = new Button("Allow access\u2026", new FontIcon(Feather.UNLOCK));

    Banner(ObservableBooleanValue busy) {
        setId("banner");
        getStyleClass().add("banner");
        title.setId("bannerTitle");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        message.setId("bannerMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        icon.getStyleClass().add("banner-icon");
        retry.setId("retry");
        reauthorize.setId("reauthorize");
        reauthorize.getStyleClass().add(Styles.ACCENT);
        retry.disableProperty().bind(busy);
        var text = new VBox(2, title, message);
        HBox.setHgrow(text, Priority.ALWAYS);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(14);
        getChildren().addAll(icon, text, retry, reauthorize);
        show(null);
    }

    void show(Problem problem) {
        setVisible(problem != null);
        setManaged(problem != null);
        getStyleClass().removeAll("banner-danger", "banner-warning", "banner-info");
        if (problem == null) {
            return;
        }
        title.setText(problem.title());
        message.setText(problem.message());
        var action = problem.action();
        icon.setIconCode(switch (action) {
            case REAUTHORIZE -> Feather.LOCK;
            case RETRY -> Feather.WIFI_OFF;
            case NONE -> Feather.LOG_IN;
        });
        getStyleClass().add(switch (action) {
            case REAUTHORIZE -> "banner-warning";
            case RETRY -> "banner-danger";
            case NONE -> "banner-info";
        });
        show(retry, action == Problem.Action.RETRY);
        show(reauthorize, action == Problem.Action.REAUTHORIZE);
    }

    private static void show(Button button, boolean shown) {
        button.setVisible(shown);
        button.setManaged(shown);
    }
}
