package organizer.desktop.login;

import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * The login: the authorization server's own pages in a WebView (the user types the password there, never into the
 * app), and over it a message with "Try again" when an attempt failed, or a spinner while the answer is checked.
 */
public final class LoginView extends StackPane {
    private final WebView web = new WebView();

    public LoginView(LoginViewModel model) {
        setId("login");
        web.setId("loginWeb");
        web.setContextMenuEnabled(false);
        var engine = web.getEngine();
        // Location changes come before the page is fetched: the callback is caught here and its load stopped at once.
        engine.locationProperty().addListener((o, old, location) -> {
            if (model.onLocation(location)) {
                engine.getLoadWorker().cancel();
            }
        });
        engine.getLoadWorker().stateProperty().addListener((o, old, state) -> {
            if (state == Worker.State.FAILED) {
                model.onLoadFailed(engine.getLocation());
            }
        });
        model.pageProperty().addListener((o, old, page) -> {
            if (page != null) {
                engine.load(page);
            } else {
                engine.getLoadWorker().cancel();
                // Leave nothing of the callback (its fragment holds the tokens) as the engine's location.
                javafx.application.Platform.runLater(() -> engine.loadContent(""));
            }
        });

        var message = new Label();
        message.setId("loginMessage");
        message.setWrapText(true);
        message.setMaxWidth(420);
        message.textProperty().bind(model.messageProperty());
        var tryAgain = new Button("Try again");
        tryAgain.setId("tryAgain");
        tryAgain.setDefaultButton(true);
        tryAgain.setOnAction(e -> model.retry());
        var problem = new VBox(16, message, tryAgain);
        problem.setAlignment(Pos.CENTER);
        problem.setPadding(new Insets(32));
        problem.getStyleClass().add("login-problem");
        problem.visibleProperty().bind(model.pageProperty().isNull().and(model.busyProperty().not())
                .and(model.messageProperty().isNotEmpty()));
        var progress = new ProgressIndicator();
        progress.setId("loginProgress");
        progress.setMaxSize(48, 48);
        progress.visibleProperty().bind(model.busyProperty());
        web.visibleProperty().bind(model.pageProperty().isNotNull());
        // A notice over the page (e.g. "your session has ended"), while the page itself is shown.
        var notice = new Label();
        notice.setId("loginNotice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setPadding(new Insets(8, 16, 8, 16));
        notice.getStyleClass().add("login-notice");
        notice.setStyle("-fx-background-color: #fff8c5; -fx-text-fill: #24292f;");
        notice.textProperty().bind(model.messageProperty());
        notice.visibleProperty().bind(model.pageProperty().isNotNull().and(model.messageProperty().isNotEmpty()));
        notice.managedProperty().bind(notice.visibleProperty());
        var page = new BorderPane(web);
        page.setTop(notice);
        getChildren().addAll(page, problem, progress);
        if (model.pageProperty().get() != null) {
            engine.load(model.pageProperty().get());
        }
    }

    /** The page's engine, for smoke mode and tests that type into the real login page. */
    public WebEngine engine() {
        return web.getEngine();
    }
}
