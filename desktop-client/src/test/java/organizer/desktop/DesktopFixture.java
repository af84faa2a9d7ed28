package organizer.desktop;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.web.WebEngine;
import javafx.stage.Stage;
import organizer.desktop.backend.EmbeddedBackend;
import organizer.desktop.backend.LocalAuthServer;
import organizer.desktop.session.PersistentCookieStore;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real backend (auth-server with a test tenant, contacts and calendar APIs) on free ports, and app windows
 * against it. The cookie jar is the JVM's (as WebView's is): {@link #freshCookies} starts a new "machine".
 */
final class DesktopFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    final Path dir;
    final EmbeddedBackend backend;
    final DesktopConfig config;
    final FxRobot robot = new FxRobot();
    PersistentCookieStore cookies;

    private DesktopFixture(Path dir, EmbeddedBackend backend, DesktopConfig config) {
        this.dir = dir;
        this.backend = backend;
        this.config = config;
    }

    static DesktopFixture start(Path dir, String tenant, Duration checkSession) throws Exception {
        FxToolkit.registerPrimaryStage();
        var tenantFile = dir.resolve("tenant.json");
        try (InputStream in = DesktopFixture.class.getResourceAsStream(tenant)) {
            Files.copy(in, tenantFile);
        }
        var env = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString(), "ORGANIZER_DATA_DIR", dir.resolve("data").toString());
        var config = DesktopConfig.from(new String[]{"--embedded=all"}, env).withCheckSession(checkSession);
        var backend = EmbeddedBackend.start(config, EmbeddedBackend.Ports.FREE, new LocalAuthServer(tenantFile, false));
        var fixture = new DesktopFixture(dir, backend, backend.config());
        fixture.freshCookies();
        return fixture;
    }

    Path cookieFile() {
        return config.dataDir().resolve("sign-in-cookies.json");
    }

    /** A new machine: no SSO cookie, an empty cookie file. */
    void freshCookies() throws IOException {
        if (cookies == null) { // WebView's HTTP client keeps the first handler it sees: install exactly once
            cookies = PersistentCookieStore.open(cookieFile(), config.issuer(), Clock.systemUTC());
            cookies.install();
        }
        cookies.removeAll();
    }

    /** A restart: the cookie jar read back from its file. */
    void reopenCookies() {
        cookies.reload();
    }

    /** Opens a window with the same main-window factory as the app, and starts it. */
    OrganizerApp open() throws Exception {
        return open(config);
    }

    OrganizerApp open(DesktopConfig settings) throws Exception {
        return onFx(() -> {
            var stage = new Stage();
            var app = new OrganizerApp(settings, stage, cookies, Clock.systemUTC(), new MainWindow(settings)::create);
            app.start();
            return app;
        });
    }

    void close(OrganizerApp app) throws Exception {
        onFx(() -> {
            app.close();
            app.stage().close();
            return null;
        });
    }

    /**
     * Closes the windows, then ends the JavaFX toolkit and waits for its thread, and only then stops the servers.
     * Each test class has its own JVM, so the toolkit is not needed again; leaving WebKit running into JVM exit
     * (with its pages still talking to stopped servers) can abort the JVM after the tests have passed.
     */
    @Override
    public void close() throws Exception {
        try {
            FxToolkit.cleanupStages();
            javafx.application.Platform.exit();
            WaitForAsyncUtils.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS, () -> Thread.getAllStackTraces().keySet()
                    .stream().noneMatch(t -> t.getName().equals("JavaFX Application Thread") && t.isAlive()));
        } finally {
            backend.close();
        }
    }

    // ---- driving the real pages

    /** Waits for the login form of the auth-server in the app's WebView, then types into it like a person. */
    void typeCredentials(OrganizerApp app, String email, String password) throws Exception {
        awaitElement(app, "email");
        typeInto(app, "email", email);
        typeInto(app, "password", password);
        clickElement(app, "submit");
    }

    /** Clicks the field, waits until the page gave it the focus, types, and waits until the page holds the text. */
    private void typeInto(OrganizerApp app, String id, String text) throws Exception {
        clickElement(app, id);
        await("focus on #" + id, () -> id.equals(app.loginView().engine().executeScript("document.activeElement.id")));
        robot.write(text);
        await("the typed text in #" + id, () -> text.equals(
                app.loginView().engine().executeScript("document.getElementById('" + id + "').value")));
    }

    void awaitElement(OrganizerApp app, String id) throws Exception {
        await(() -> "element #" + id + " in the login page; " + describe(app), () -> app.screenProperty().get() == OrganizerApp.Screen.LOGIN
                && !app.loginView().engine().getLoadWorker().isRunning()
                && Boolean.TRUE.equals(app.loginView().engine().executeScript("document.getElementById('" + id + "') != null")));
    }

    boolean hasElement(OrganizerApp app, String id) throws Exception {
        return onFx(() -> app.screenProperty().get() == OrganizerApp.Screen.LOGIN
                && Boolean.TRUE.equals(app.loginView().engine().executeScript("document.getElementById('" + id + "') != null")));
    }

    /** Clicks the page element {@code id} where it is on screen, with the robot (a real mouse click in the WebView). */
    void clickElement(OrganizerApp app, String id) throws Exception {
        var point = onFx(() -> {
            var web = app.loginView().lookup("#loginWeb");
            WebEngine engine = app.loginView().engine();
            @SuppressWarnings("unchecked")
            var rect = (String) engine.executeScript("(function(){var r=document.getElementById('" + id
                    + "').getBoundingClientRect();return (r.left+r.width/2)+','+(r.top+r.height/2);})()");
            var xy = rect.split(",");
            return web.localToScreen(Double.parseDouble(xy[0]), Double.parseDouble(xy[1]));
        });
        robot.clickOn(new Point2D(point.getX(), point.getY()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Signs in through the real pages (consent accepted when asked) and waits for the main window. */
    void signIn(OrganizerApp app, String email, String password) throws Exception {
        typeCredentials(app, email, password);
        await("consent page or main window", () -> app.screenProperty().get() == OrganizerApp.Screen.MAIN
                || hasElementNow(app, "accept"));
        if (onFx(() -> app.screenProperty().get() != OrganizerApp.Screen.MAIN)) {
            clickElement(app, "accept");
        }
        awaitScreen(app, OrganizerApp.Screen.MAIN);
    }

    static boolean hasElementNow(OrganizerApp app, String id) {
        return app.screenProperty().get() == OrganizerApp.Screen.LOGIN
                && !app.loginView().engine().getLoadWorker().isRunning()
                && Boolean.TRUE.equals(app.loginView().engine().executeScript("document.getElementById('" + id + "') != null"));
    }

    /** Waits until both views of the main window have their data; fails with the banner's words on a problem. */
    void awaitData(OrganizerApp app) throws Exception {
        await(() -> "the main window's data; " + describe(app), () -> {
            var state = MainWindow.readiness(app.root()).state();
            if (state != null && !state.isEmpty()) {
                throw new AssertionError("the main window shows a problem: " + state);
            }
            return "".equals(state);
        });
    }

    void awaitScreen(OrganizerApp app, OrganizerApp.Screen screen) throws Exception {
        await(() -> "screen " + screen + "; " + describe(app), () -> app.screenProperty().get() == screen);
    }

    /** Where the app is, for failure messages. */
    static String describe(OrganizerApp app) {
        try {
            return onFx(() -> {
                var login = app.loginView();
                var location = login == null ? null : login.engine().getLocation();
                var page = location == null ? null : location.replaceAll("[#?].*", ""); // never print tokens
                return "screen " + app.screenProperty().get() + ", message " + app.loginMessage()
                        + (login == null ? "" : ", page " + page + " '" + login.engine().getTitle()
                        + "' " + login.engine().getLoadWorker().getState());
            });
        } catch (Exception e) {
            return "(state unknown: " + e + ")";
        }
    }

    /** Waits, with a deadline, for a condition read on the FX thread (no sleeping). */
    static void await(String what, Callable<Boolean> condition) throws Exception {
        await(() -> what, condition);
    }

    static void await(java.util.function.Supplier<String> what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what.get(), e);
        }
    }

    static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
