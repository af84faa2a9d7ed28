package organizer.desktop.login;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import okhttp3.OkHttpClient;
import organizer.desktop.session.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PKCE login: a button that opens the system browser, and what became of it. */
public final class BrowserLoginView extends VBox {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserLoginView.class);

    private final Label message = new Label();
    private final PkceLogin pkce;
    private final Executor fx;
    private final Consumer<Tokens> signedIn;
    private String scope;

    public BrowserLoginView(URI issuer, String clientId, String audience, OkHttpClient http, Clock clock, Executor fx,
                            Consumer<Tokens> signedIn) {
        super(16);
        this.pkce = new PkceLogin(issuer, clientId, audience, 0, http, clock);
        this.fx = fx;
        this.signedIn = signedIn;
        setId("login");
        setAlignment(Pos.CENTER);
        setPadding(new Insets(32));
        message.setId("loginMessage");
        message.setWrapText(true);
        message.setMaxWidth(420);
        var button = new Button("Sign in with your browser");
        button.setId("browserLogin");
        button.setDefaultButton(true);
        button.setOnAction(e -> open());
        getChildren().addAll(new Label("Organizer signs you in through your web browser."), button, message);
    }

    public void start(String scope, String notice) {
        this.scope = scope;
        message.setText(notice == null ? "" : notice);
    }

    private void open() {
        message.setText("Waiting for the browser…");
        try {
            pkce.login(scope, BrowserLoginView::browse).thenAccept(outcome -> fx.execute(() -> {
                if (outcome instanceof Authorizer.SignedIn in) {
                    message.setText("");
                    signedIn.accept(in.tokens());
                } else if (outcome instanceof Authorizer.Denied denied) {
                    message.setText(Authorizer.explain(denied));
                } else if (outcome instanceof Authorizer.Rejected rejected) {
                    message.setText("Sign-in was rejected: " + rejected.reason());
                }
            }));
        } catch (Exception e) {
            message.setText("Cannot open the browser sign-in: " + e.getMessage());
        }
    }

    /** The system browser: java.awt.Desktop where it works, else xdg-open (Linux desktops without AWT support). */
    public static void browse(URI uri) {
        try {
            if (java.awt.Desktop.isDesktopSupported() && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                java.awt.Desktop.getDesktop().browse(uri);
                return;
            }
            new ProcessBuilder("xdg-open", uri.toString()).inheritIO().start();
        } catch (Exception e) {
            LOG.warn("Cannot open the system browser: {}", e.toString());
            throw new IllegalStateException("no browser could be opened; open " + uri.getScheme() + "://" + uri.getHost()
                    + " yourself", e);
        }
    }
}
