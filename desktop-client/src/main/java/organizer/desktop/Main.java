package organizer.desktop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import organizer.desktop.backend.EmbeddedBackend;
import organizer.desktop.backend.LocalAuthServer;
import organizer.desktop.session.PersistentCookieStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's entry point: a plain class (not an {@code Application}), so that the app runs from the class
 * path. Reads the configuration, starts the local backend if asked, installs the cookie jar and opens the window.
 * Exit codes: 0 normal, 1 could not start / smoke test failed, 2 bad command line or configuration.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    /** When the local backend was ready (System.nanoTime), for smoke mode's figures. */
    static volatile long backendReadyNanos;

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
        EmbeddedBackend backend;
        try {
            backend = EmbeddedBackend.start(config, EmbeddedBackend.Ports.DEFAULT, new LocalAuthServer());
        } catch (EmbeddedBackend.StartFailed e) {
            System.err.println("organizer: " + e.getMessage());
            return 1;
        }
        backendReadyNanos = System.nanoTime();
        var effective = backend.config();
        LOG.info("Organizer starting: {}", effective.describe());
        var cookies = PersistentCookieStore.open(effective.dataDir().resolve("sign-in-cookies.json"),
                effective.issuer(), Clock.systemUTC());
        cookies.install();

        var exitCode = new CompletableFuture<Integer>();
        var closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        try {
            Platform.startup(() -> {
                try {
                    open(effective, cookies, processStart, exitCode, closed);
                } catch (RuntimeException | Error e) {
                    LOG.error("The window could not open", e);
                    System.err.println("organizer: the window could not open: " + e.getMessage());
                    exitCode.complete(1);
                    closed.countDown();
                }
            });
        } catch (RuntimeException e) { // e.g. no display: say so, no stack trace
            System.err.println("organizer: cannot open a window (" + e.getMessage() + "); without a display use --headless");
            backend.close();
            return 1;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backend.close();
        Platform.exit();
        return exitCode.getNow(0);
    }

    /** Opens the window (on the FX thread) and, in smoke mode, drives it. */
    private static void open(DesktopConfig effective, PersistentCookieStore cookies, long processStart,
                             CompletableFuture<Integer> exitCode, CountDownLatch closed) {
        var stage = new Stage();
        var app = new OrganizerApp(effective, stage, cookies, Clock.systemUTC(), new MainWindow(effective)::create);
        WindowPlacement.remember(stage, effective.dataDir().resolve("window.properties"));
        stage.setOnHidden(e -> {
            app.close();
            exitCode.complete(0);
            closed.countDown();
        });
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
