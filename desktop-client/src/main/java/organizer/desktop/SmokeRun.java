package organizer.desktop;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import organizer.common.json.Json;

/**
 * {@code --smoke-test}: the real app without a person. Types the credentials into the real login page, accepts
 * the consent page if it comes, waits for the main window with both views loaded, writes a screenshot and
 * completes with one summary line. Every step has a deadline; the first failure is the reason.
 */
final class SmokeRun {
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    /** The outcome: exit code 0 or 1, and the line to print. */
    record Result(int exitCode, String line) {
    }

    /** Whether the main window shows data from both APIs; the views tell it by a property of their root. */
    interface Readiness {
        /** Null while loading; "" when ready; otherwise the reason it failed. */
        String state();

        /** A short summary of what was loaded, e.g. "contacts=8 appointments=12". */
        String summary();
    }

    private final OrganizerApp app;
    private final DesktopConfig config;
    private final long processStartNanos;
    private final java.util.function.Supplier<Readiness> readiness;
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private long loginShownNanos;
    private long submittedNanos;
    private boolean submitted;
    private boolean consented;

    SmokeRun(OrganizerApp app, DesktopConfig config, long processStartNanos, java.util.function.Supplier<Readiness> readiness) {
        this.app = app;
        this.config = config;
        this.processStartNanos = processStartNanos;
        this.readiness = readiness;
    }

    /** Starts driving the app; call on the FX thread after {@link OrganizerApp#start()}. */
    CompletableFuture<Result> run() {
        var deadline = System.nanoTime() + DEADLINE.toNanos();
        // A pulse-driven check, on the FX thread: no sleeping, no extra threads.
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (result.isDone()) {
                    stop();
                } else if (System.nanoTime() > deadline) {
                    fail("no main window with data within " + DEADLINE.toSeconds() + " s (" + where() + ")");
                } else {
                    step();
                }
            }
        }.start();
        return result;
    }

    private void step() {
        switch (app.screenProperty().get()) {
            case LOGIN -> login();
            case MAIN -> main();
            default -> { }
        }
    }

    private void login() {
        var login = app.loginView();
        var engine = login.engine();
        var message = app.loginMessage();
        if (message != null && !message.isBlank() && !engine.getLoadWorker().isRunning() && submitted) {
            fail("login failed: " + message);
            return;
        }
        if (engine.getLoadWorker().getState() != Worker.State.SUCCEEDED || engine.getDocument() == null) {
            return;
        }
        if (has(engine, "email") && has(engine, "password")) {
            if (loginShownNanos == 0) {
                loginShownNanos = System.nanoTime();
            }
            if (submitted) {
                fail("the login page came back after submitting: " + text(engine));
                return;
            }
            submitted = true;
            submittedNanos = System.nanoTime();
            engine.executeScript("document.getElementById('email').value = " + Json.write(config.smokeEmail()) + ";"
                    + "document.getElementById('password').value = " + Json.write(config.smokePassword()) + ";"
                    + "document.getElementById('submit').click();");
        } else if (has(engine, "accept") && !consented) {
            consented = true;
            engine.executeScript("document.getElementById('accept').click();");
        }
    }

    private void main() {
        var ready = readiness.get();
        var state = ready.state();
        if (state == null) {
            return;
        }
        if (!state.isEmpty()) {
            fail("the main window could not load its data: " + state);
            return;
        }
        var loaded = System.nanoTime();
        try {
            var size = Screenshots.write(app.stage().getScene().getRoot(), config.screenshot());
            var session = app.sessions().session();
            result.complete(new Result(0, "smoke-test: ok user=" + (session == null ? "?" : session.user().email())
                    + " " + ready.summary()
                    + " window_ms=" + millis(processStartNanos, Main.windowShownNanos)
                    + " backend_ms=" + millis(processStartNanos, Main.backendReadyNanos)
                    + " login_page_ms=" + millis(processStartNanos, loginShownNanos)
                    + " login_round_trip_ms=" + (submitted ? millis(submittedNanos, loaded) : -1)
                    + " rss_mb=" + rssMegabytes()
                    + " screenshot=" + config.screenshot() + " (" + size + ")"));
        } catch (Exception e) {
            fail("cannot write the screenshot " + config.screenshot() + ": " + e.getMessage());
        }
    }

    /** Resident set size of this process (Linux /proc), -1 where unknown. */
    static long rssMegabytes() {
        try {
            for (var line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private String where() {
        var login = app.loginView();
        return "screen " + app.screenProperty().get().name().toLowerCase()
                + (login == null ? "" : ", page " + login.engine().getTitle());
    }

    private void fail(String reason) {
        result.complete(new Result(1, "smoke-test: failed: " + reason));
    }

    private static long millis(long from, long to) {
        return from == 0 || to == 0 ? -1 : (to - from) / 1_000_000;
    }

    private static boolean has(WebEngine engine, String id) {
        return Boolean.TRUE.equals(engine.executeScript("document.getElementById('" + id + "') != null"));
    }

    private static String text(WebEngine engine) {
        var value = engine.executeScript("(function(){var e=document.getElementById('error');"
                + "return e ? e.textContent.trim() : document.title;})()");
        return String.valueOf(value);
    }
}
