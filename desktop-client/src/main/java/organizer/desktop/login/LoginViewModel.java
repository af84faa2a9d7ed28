package organizer.desktop.login;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import organizer.desktop.session.Tokens;

/**
 * The interactive login: which page the WebView shows, and what became of the attempt. The View reports every
 * location change; the callback is judged off the FX thread (JWKS fetch) and the result comes back through {@code fx}.
 */
public final class LoginViewModel {
    private final Authorizer authorizer;
    private final Executor background;
    private final Executor fx;
    private final Consumer<Tokens> signedIn;

    private final ObjectProperty<String> page = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private Authorizer.Attempt attempt;
    private String scope;

    public LoginViewModel(Authorizer authorizer, Executor background, Executor fx, Consumer<Tokens> signedIn) {
        this.authorizer = authorizer;
        this.background = background;
        this.fx = fx;
        this.signedIn = signedIn;
    }

    /** Starts a fresh attempt (new state and nonce) asking for {@code scope}; {@code notice} is shown above the page. */
    public void start(String scope, String notice) {
        this.scope = scope;
        attempt = authorizer.begin(scope, null);
        message.set(notice);
        busy.set(false);
        page.set(attempt.url().toString());
    }

    /** "Try again": a new attempt for the same scope. */
    public void retry() {
        start(scope, null);
    }

    /**
     * Called for each location of the WebView. Returns true when it is the callback, which the View must stop
     * loading at once (nothing listens there, and nothing there may see the fragment).
     */
    public boolean onLocation(String location) {
        var current = attempt;
        if (current == null || !current.isCallback(location)) {
            return false;
        }
        attempt = null; // an attempt is answered once; a replayed callback is not judged again
        busy.set(true);
        page.set(null);
        background.execute(() -> {
            var outcome = current.finish(location);
            fx.execute(() -> conclude(outcome));
        });
        return true;
    }

    /** The WebView could not load a page of the authorization server. */
    public void onLoadFailed(String location) {
        if (attempt != null) {
            busy.set(false);
            message.set("Cannot reach the sign-in server at " + authorizer.issuer()
                    + ". Check that it is running and your connection, then try again.");
            page.set(null);
        }
    }

    private void conclude(Authorizer.Outcome outcome) {
        busy.set(false);
        if (outcome instanceof Authorizer.SignedIn in) {
            message.set(null);
            signedIn.accept(in.tokens());
        } else if (outcome instanceof Authorizer.Denied denied) {
            message.set(Authorizer.explain(denied));
        } else if (outcome instanceof Authorizer.Rejected rejected) {
            message.set("Sign-in was rejected: " + rejected.reason());
        }
    }

    /** The URL the WebView should show; null while nothing is to be shown (then the message or progress is). */
    public ReadOnlyObjectProperty<String> pageProperty() {
        return page;
    }

    /** An error or notice for the user; with no page, it comes with a "Try again" button. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
