package organizer.desktop;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import organizer.desktop.session.Session;

/** Stands in for the main window until the views are merged: who is signed in, the scopes, Logout. */
final class SignedInPlaceholder extends VBox {
    SignedInPlaceholder(Session session) {
        super(12);
        setId("main");
        setPadding(new Insets(24));
        var user = new Label(session.user().name() + " <" + session.user().email() + ">");
        user.setId("userName");
        var scopes = new Label(String.join(" ", session.scopes()));
        scopes.setId("scopes");
        var logout = new Button("Log out");
        logout.setId("logout");
        logout.setOnAction(e -> session.logout());
        getChildren().addAll(user, scopes, logout);
    }
}
