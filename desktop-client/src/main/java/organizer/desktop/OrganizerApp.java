package organizer.desktop;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import organizer.desktop.login.AuthorizeUrl;
import organizer.desktop.login.Authorizer;
import organizer.desktop.main.Theme;
import organizer.desktop.login.BrowserLoginView;
import organizer.desktop.login.LoginView;
import organizer.desktop.login.LoginViewModel;
import organizer.desktop.login.SilentAuthenticator;
import organizer.desktop.session.PersistentCookieStore;
import organizer.desktop.session.Session;
import organizer.desktop.session.SessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's window and what is in it: the login until someone is signed in, then the main window; back to the login
 * on logout, single logout or an expired session. One instance per window; tests run two side by side.
 */
public final class OrganizerApp implements SessionManager.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(OrganizerApp.class);

    /** What the window shows. */
    public enum Screen { STARTING, LOGIN, MAIN }

    /** The window's first size (before {@link WindowPlacement} restores the last one). */
    static final double WIDTH = 1180;
    static final double HEIGHT = 760;

    private final DesktopConfig config;
    private final Stage stage;
    private final PersistentCookieStore cookies;
    private final Function<Session, Node> mainView;
    private final StackPane root = new StackPane();
    private final ExecutorService background = Executors.newCachedThreadPool(daemon("organizer-io"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("organizer-timer"));
    private final SimpleObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.STARTING);
    private final SessionManager sessions;
    private final LoginViewModel loginModel;
    private LoginView loginView;
    private BrowserLoginView browserLogin;

    /**
     * @param config   the effective settings (endpoints of the servers actually running)
     * @param cookies  the cookie jar, already installed as the JVM's cookie handler
     * @param mainView builds the main window's content for a session
     */
    public OrganizerApp(DesktopConfig config, Stage stage, PersistentCookieStore cookies, Clock clock,
                        Function<Session, Node> mainView) {
        this.config = config;
        this.stage = stage;
        this.cookies = cookies;
        this.mainView = mainView;
        var authorizer = new Authorizer(config.issuer(), config.clientId(), config.audience(), config.redirectUri(), clock);
        var silent = new SilentAuthenticator(authorizer, background, timer);
        // With PKCE the SSO session lives in the system browser: no silent renewal or polling from a WebView.
        var pkce = config.loginMode() == DesktopConfig.LoginMode.PKCE;
        this.sessions = new SessionManager(pkce ? null : silent, timer, clock, config.checkSession(),
                config.logoutReturnTo(), AuthorizeUrl.logout(config.issuer(), config.clientId(), config.logoutReturnTo()),
                this);
        this.loginModel = new LoginViewModel(authorizer, background, Platform::runLater, sessions::start);
        if (config.loginMode() == DesktopConfig.LoginMode.PKCE) {
            var http = new okhttp3.OkHttpClient.Builder().callTimeout(java.time.Duration.ofSeconds(20)).build();
            browserLogin = new BrowserLoginView(config.issuer(), config.clientId(), config.audience(), http, clock,
                    Platform::runLater, sessions::start);
        }
    }

    /**
     * Shows the window (or takes over the one already showing "Starting Organizer…"); signs in silently when the
     * cookie jar holds an SSO session, else shows the login. Call on the FX thread.
     */
    public void start() {
        root.setId("root");
        var scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(root, WIDTH, HEIGHT);
            stage.setScene(scene);
        } else {
            scene.setRoot(root);
        }
        Theme.apply(scene);
        stage.setTitle("Organizer");
        if (!stage.isShowing()) {
            stage.show();
        }
        if (cookies != null && cookies.hasAuthorizationServerCookies() && browserLogin == null) {
            sessions.trySilentSignIn(config.scope()).thenAccept(signedIn -> {
                if (!signedIn) {
                    showLogin(null, config.scope());
                }
            });
        } else {
            showLogin(null, config.scope());
        }
    }

    @Override
    public void signedIn(Session session) {
        root.getChildren().setAll(mainView.apply(session));
        screen.set(Screen.MAIN);
    }

    @Override
    public void signedOut(String notice, String scope) {
        showLogin(notice, scope == null ? config.scope() : scope);
    }

    private void showLogin(String notice, String scope) {
        if (browserLogin != null) {
            root.getChildren().setAll(browserLogin);
            browserLogin.start(scope, notice);
            screen.set(Screen.LOGIN);
            return;
        }
        if (loginView == null) {
            loginView = new LoginView(loginModel);
        }
        root.getChildren().setAll(loginView);
        loginModel.start(scope, notice);
        screen.set(Screen.LOGIN);
    }

    /** Which screen is showing (tests and smoke mode wait on it). */
    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen;
    }

    /** The login's current message (an error or notice), or null. */
    public String loginMessage() {
        return loginModel.messageProperty().get();
    }

    public LoginView loginView() {
        return loginView;
    }

    public SessionManager sessions() {
        return sessions;
    }

    public Stage stage() {
        return stage;
    }

    public StackPane root() {
        return root;
    }

    /** Stops the timers and background threads (the window itself is the caller's). */
    public void close() {
        timer.shutdownNow();
        background.shutdownNow();
        LOG.debug("Organizer window closed");
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
