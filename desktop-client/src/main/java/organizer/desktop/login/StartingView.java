package organizer.desktop.login;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/**
 * What the login area shows while the local servers start (a few seconds on a cold machine): a spinner and
 * "Starting Organizer…", so the window can open at once. If they cannot start, it shows why, in words, and a Close button.
 */
public final class StartingView extends VBox {
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label message = new Label("Starting Organizer…");
    private final Button close = new Button("Close");

    public StartingView() {
        super(16);
        setId("starting");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(32));
        progress.setId("startingProgress");
        progress.setMaxSize(48, 48);
        message.setId("startingMessage");
        message.setWrapText(true);
        message.setMaxWidth(480);
        close.setId("startingClose");
        close.setDefaultButton(true);
        close.setVisible(false);
        close.setManaged(false);
        close.setOnAction(e -> getScene().getWindow().hide());
        getChildren().addAll(progress, message, close);
    }

    /** The servers could not start: stop the spinner, show the reason and a way out (closing the window). */
    public void failed(String reason) {
        getChildren().remove(progress);
        message.setText("Organizer could not start.\n\n" + reason);
        close.setVisible(true);
        close.setManaged(true);
    }

    /** The text shown (tests). */
    public String message() {
        return message.getText();
    }
}
