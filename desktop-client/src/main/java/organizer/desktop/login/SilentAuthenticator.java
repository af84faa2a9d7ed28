package organizer.desktop.login;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A WebView engine that is never shown: {@code /authorize?prompt=none} with the SSO cookie the visible login left
 * in the (shared) cookie handler, for silent renewal and the checkSession poll, and {@code /v2/logout}. As in the
 * visible login, the callback is caught on the location change and its load stopped at once. One request at a time.
 */
public final class SilentAuthenticator {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Authorizer authorizer;
    private final Executor background;
    private final ScheduledExecutorService timer;
    private WebEngine engine; // the request in flight; held so that it is not collected mid-way
    private CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);

    public SilentAuthenticator(Authorizer authorizer, Executor background, ScheduledExecutorService timer) {
        this.authorizer = authorizer;
        this.background = background;
        this.timer = timer;
    }

    /** {@code /authorize?prompt=none} for {@code scope}. Call on the FX thread; completes on the FX thread. */
    public CompletableFuture<Authorizer.Outcome> authorize(String scope) {
        var result = new CompletableFuture<Authorizer.Outcome>();
        enqueue(() -> {
            var attempt = authorizer.begin(scope, "none");
            navigate(attempt.url(), attempt::isCallback, location -> {
                try {
                    background.execute(() -> {
                        var outcome = attempt.finish(location);
                        Platform.runLater(() -> result.complete(outcome));
                    });
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    result.complete(new Authorizer.Rejected("The window was closed"));
                }
            }, reason -> result.complete(new Authorizer.Rejected(reason)));
            return result;
        });
        return result;
    }

    /** {@code /v2/logout}: the authorization server ends the SSO session and clears its cookie. Completes when it answered. */
    public CompletableFuture<Void> logout(URI returnTo) {
        var result = new CompletableFuture<Void>();
        enqueue(() -> {
            var url = AuthorizeUrl.logout(authorizer.issuer(), authorizer.clientId(), returnTo);
            navigate(url, location -> ImplicitRedirect.isCallback(location, returnTo),
                    location -> result.complete(null),
                    reason -> result.completeExceptionally(new IllegalStateException(reason)));
            return result;
        });
        return result;
    }

    private void enqueue(Supplier<CompletableFuture<?>> request) {
        var previous = inFlight;
        var next = new CompletableFuture<Void>();
        inFlight = next;
        previous.handle((v, e) -> null).thenRun(() -> Platform.runLater(
                () -> request.get().handle((v, e) -> next.complete(null))));
    }

    private void navigate(URI url, Predicate<String> arrived, Consumer<String> onArrival, Consumer<String> onFailure) {
        // A fresh engine per request: no listeners of an earlier one linger. Cookies live in the shared handler.
        var page = new WebEngine();
        page.setJavaScriptEnabled(false); // prompt=none and logout answer with redirects; no script of theirs must run
        engine = page;
        var done = new boolean[1];
        java.util.concurrent.ScheduledFuture<?> timeout;
        try {
            timeout = timer.schedule(() -> Platform.runLater(() -> {
                if (!done[0]) {
                    done[0] = true;
                    page.getLoadWorker().cancel();
                    onFailure.accept("The sign-in server did not answer in time");
                }
            }), TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) { // the window was closed meanwhile
            onFailure.accept("The window was closed");
            return;
        }
        page.locationProperty().addListener((o, old, now) -> {
            if (!done[0] && arrived.test(now)) {
                done[0] = true;
                timeout.cancel(false);
                page.getLoadWorker().cancel();
                onArrival.accept(now);
            }
        });
        page.getLoadWorker().stateProperty().addListener((o, old, now) -> {
            if (!done[0] && (now == Worker.State.FAILED || now == Worker.State.SUCCEEDED)) {
                // FAILED: unreachable. SUCCEEDED without reaching the callback: an error page of the server.
                done[0] = true;
                timeout.cancel(false);
                onFailure.accept(now == Worker.State.FAILED ? "Cannot reach the sign-in server at " + authorizer.issuer()
                        : "The sign-in server answered with a page instead of a redirect: " + page.getTitle());
            }
        });
        page.load(url.toString());
    }
}
