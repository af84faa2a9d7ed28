package organizer.desktop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import organizer.desktop.backend.EmbeddedBackend;
import organizer.desktop.backend.LocalAuthServer;
import organizer.desktop.login.StartingView;
import organizer.desktop.main.Theme;
import organizer.desktop.session.PersistentCookieStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's entry point: a plain class (not an {@code Application}), so that the app runs from the class
 * path. Reads the configuration, opens the window at once and, beside it, starts the local backend if asked and
 * installs the cookie jar; the login comes when the backend is ready.
 * Exit codes: 0 normal, 1 could not start / smoke test failed, 2 bad command line or configuration.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    /** When the local backend was ready (System.nanoTime), for smoke mode's figures. */
    static volatile long backendReadyNanos;
    /** When the window was first shown (System.nanoTime), for smoke mode's figures. */
    static volatile long windowShownNanos;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        var processStart = processStartNanos();
        DesktopConfig config;
        try {
            config = DesktopConfig.from(args, env);
        } catch (DesktopConfig.ConfigException e) {
            System.err.println("organizer: " + e.getMessage() + " (see --help)");
            return 2;
        }
        if (config == null) {
            return 0; // --help or --version
        }
        if (config.headless()) {
            useHeadlessPlatform();
        }
        // The local servers take seconds to start: start them beside the window, not before it.
        var ready = startBackend(config);
        var exitCode = new CompletableFuture<Integer>();
        var closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        try {
            Platform.startup(() -> {
                try {
                    open(config, ready, processStart, exitCode, closed);
                } catch (RuntimeException | Error e) {
                    windowFailed(e, exitCode, closed);
                }
            });
        } catch (RuntimeException e) { // e.g. no display: say so, no stack trace
            System.err.println("organizer: cannot open a window (" + e.getMessage() + "); without a display use --headless");
            closeWhenStarted(ready);
            return 1;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeWhenStarted(ready);
        Platform.exit();
        return exitCode.getNow(0);
    }

    /** The running local servers (none for a real tenant) and the cookie jar, installed for the issuer they serve. */
    private record Started(EmbeddedBackend backend, PersistentCookieStore cookies) {
    }

    /**
     * Starts the local backend on its own thread. A failure is said on the console at once, in one line (the window
     * may show it too); the future then completes exceptionally with an exception whose message is fit for a person.
     */
    private static CompletableFuture<Started> startBackend(DesktopConfig config) {
        var ready = new CompletableFuture<Started>();
        var thread = new Thread(() -> {
            try {
                var backend = EmbeddedBackend.start(config, EmbeddedBackend.Ports.DEFAULT, new LocalAuthServer());
                backendReadyNanos = System.nanoTime();
                var effective = backend.config();
                LOG.info("Organizer starting: {}", effective.describe());
                try {
                    var cookies = PersistentCookieStore.open(effective.dataDir().resolve("sign-in-cookies.json"),
                            effective.issuer(), Clock.systemUTC());
                    cookies.install();
                    ready.complete(new Started(backend, cookies));
                } catch (RuntimeException | Error e) {
                    backend.close();
                    throw e;
                }
            } catch (EmbeddedBackend.StartFailed e) {
                System.err.println("organizer: " + e.getMessage());
                ready.completeExceptionally(e);
            } catch (RuntimeException | Error e) {
                LOG.debug("The local servers could not start", e);
                var failure = new IllegalStateException("The local servers could not start: " + e.getMessage(), e);
                System.err.println("organizer: " + failure.getMessage());
                ready.completeExceptionally(failure);
            }
        }, "organizer-backend-start");
        thread.setDaemon(true);
        thread.start();
        return ready;
    }

    /** Stops the local servers once they have started (waits for a start still under way: never leaves one running). */
    private static void closeWhenStarted(CompletableFuture<Started> ready) {
        try {
            ready.join().backend().close();
        } catch (RuntimeException e) {
            // it did not start: nothing to stop, and the reason was already said
        }
    }

    /**
     * Opens the window at once (on the FX thread) with "Starting Organizer…" in the login area; when the backend is
     * ready, the app takes the window over and, in smoke mode, is driven.
     */
    private static void open(DesktopConfig config, CompletableFuture<Started> ready, long processStart,
                             CompletableFuture<Integer> exitCode, CountDownLatch closed) {
        var stage = new Stage();
        // The theme first: the first Control created otherwise makes JavaFX parse Modena, only to replace it (~0.5 s).
        var scene = new Scene(new StackPane(), OrganizerApp.WIDTH, OrganizerApp.HEIGHT);
        Theme.apply(scene);
        var starting = new StartingView();
        scene.setRoot(starting);
        stage.setTitle("Organizer");
        stage.setScene(scene);
        WindowPlacement.remember(stage, config.dataDir().resolve("window.properties"));
        var app = new AtomicReference<OrganizerApp>();
        stage.setOnHidden(e -> {
            var running = app.get();
            if (running != null) {
                running.close();
            }
            exitCode.complete(0); // no-op when a failure already set 1
            closed.countDown();
        });
        stage.show();
        windowShownNanos = System.nanoTime();
        ready.whenComplete((started, error) -> Platform.runLater(() -> {
            if (error != null) {
                exitCode.complete(1);
                var reason = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (config.smokeTest() || config.headless()) {
                    stage.hide(); // nobody to read it: the console line says it
                } else {
                    starting.failed(reason.getMessage());
                }
                return;
            }
            if (!stage.isShowing()) {
                return; // closed while starting: run() stops the servers
            }
            try {
                run(started.backend().config(), stage, started.cookies(), app, processStart, exitCode, closed);
            } catch (RuntimeException | Error e) {
                windowFailed(e, exitCode, closed);
            }
        }));
    }

    /** The backend is up: the app takes over the window. */
    private static void run(DesktopConfig effective, Stage stage, PersistentCookieStore cookies,
                            AtomicReference<OrganizerApp> holder, long processStart,
                            CompletableFuture<Integer> exitCode, CountDownLatch closed) {
        var app = new OrganizerApp(effective, stage, cookies, Clock.systemUTC(), new MainWindow(effective)::create);
        holder.set(app);
        app.start();
        if (effective.smokeTest()) {
            new SmokeRun(app, effective, processStart, () -> MainWindow.readiness(app.root())).run()
                    .thenAccept(result -> {
                        System.out.println(result.line());
                        exitCode.complete(result.exitCode());
                        app.close();
                        closed.countDown();
                    });
        }
    }

    private static void windowFailed(Throwable e, CompletableFuture<Integer> exitCode, CountDownLatch closed) {
        LOG.debug("The window could not open", e);
        System.err.println("organizer: the window could not open: " + e.getMessage());
        exitCode.complete(1);
        closed.countDown();
    }

    /** Monocle's headless glass platform with the software renderer: no display, no GPU (CI, smoke tests). */
    static void useHeadlessPlatform() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }

    /** {@link System#nanoTime()} at the moment the OS started this process, for "start to login page" figures. */
    static long processStartNanos() {
        var now = System.nanoTime();
        var started = ProcessHandle.current().info().startInstant();
        return started.map(instant -> now - Duration.between(instant, Instant.now()).toNanos()).orElse(now);
    }
}
