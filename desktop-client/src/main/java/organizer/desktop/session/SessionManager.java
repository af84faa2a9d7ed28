package organizer.desktop.session;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import organizer.common.domain.Scopes;
import organizer.desktop.login.Authorizer;
import organizer.desktop.login.SilentAuthenticator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a sign-in after the login: silent renewal before the access token expires, the checkSession poll
 * that notices a single logout done elsewhere, and logout through {@code /v2/logout}. Runs on the FX thread (the
 * silent requests need a WebEngine); the timers only post to it.
 */
public final class SessionManager {
    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);
    /** Auth0's SPA SDK renews 60 s before expiry; a short-lived token is renewed after two thirds of its life. */
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
    private static final Duration RETRY = Duration.ofSeconds(30);

    /** What the app does when the session starts and ends. */
    public interface Listener {
        /** Signed in (also after a silent sign-in at start): show the main window for {@code session}. */
        void signedIn(Session session);

        /** Signed out or the session ended; {@code notice} (may be null) says why, {@code scope} is what to ask for next. */
        void signedOut(String notice, String scope);
    }

    private final SilentAuthenticator silent;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Duration checkSessionInterval;
    private final URI logoutReturnTo;
    private final URI logoutUrl;
    private final Listener listener;

    private volatile Tokens tokens;
    private AppSession current;
    private ScheduledFuture<?> renewal;
    private ScheduledFuture<?> poll;

    public SessionManager(SilentAuthenticator silent, ScheduledExecutorService timer, Clock clock,
                          Duration checkSessionInterval, URI logoutReturnTo, URI logoutUrl, Listener listener) {
        this.silent = silent;
        this.timer = timer;
        this.clock = clock;
        this.checkSessionInterval = checkSessionInterval;
        this.logoutReturnTo = logoutReturnTo;
        this.logoutUrl = logoutUrl;
        this.listener = listener;
    }

    /** Tries {@code prompt=none} with the SSO cookie (a restart, a second instance). Completes true when signed in. */
    public CompletableFuture<Boolean> trySilentSignIn(String scope) {
        return silent.authorize(scope).thenApply(outcome -> {
            if (outcome instanceof Authorizer.SignedIn in) {
                start(in.tokens());
                return true;
            }
            return false;
        });
    }

    /** A login succeeded: keep the tokens (memory only), schedule renewal and the SSO check, show the main window. */
    public void start(Tokens signedIn) {
        cancelTimers();
        tokens = signedIn;
        current = new AppSession();
        scheduleRenewal(signedIn);
        schedulePoll();
        LOG.info("Signed in as {} with scopes {}", signedIn.user().subject(), signedIn.scopes());
        listener.signedIn(current);
    }

    /** The session as the views see it, or null when signed out. */
    public Session session() {
        return current;
    }

    /** Renews the access token now with {@code prompt=none}; on {@code login_required} the session ends. */
    public CompletableFuture<Void> renew() {
        var held = tokens;
        if (held == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("signed out"));
        }
        if (silent == null) { // browser (PKCE) sign-in: no silent renewal from here
            end("Your session has expired. Please sign in again.", Scopes.format(held.scopes()));
            return CompletableFuture.failedFuture(new IllegalStateException("login_required"));
        }
        var done = new CompletableFuture<Void>();
        silent.authorize(Scopes.format(held.scopes())).thenAccept(outcome -> {
            if (outcome instanceof Authorizer.SignedIn in && tokens != null) {
                tokens = in.tokens();
                scheduleRenewal(in.tokens());
                LOG.info("Access token renewed silently");
                done.complete(null);
            } else if (outcome instanceof Authorizer.Denied denied && (denied.loginRequired() || denied.interactionRequired())) {
                end(Authorizer.explain(denied), Scopes.format(held.scopes()));
                done.completeExceptionally(new IllegalStateException(denied.error()));
            } else {
                var reason = outcome instanceof Authorizer.Rejected r ? r.reason() : String.valueOf(outcome);
                LOG.warn("Silent renewal failed: {}", reason);
                if (tokens != null && tokens.expiresAt().isAfter(clock.instant().plus(RETRY))) {
                    renewal = later(RETRY, this::renew);
                } else if (tokens != null) {
                    end("Your session could not be renewed. Please sign in again.", Scopes.format(held.scopes()));
                }
                done.completeExceptionally(new IllegalStateException(reason));
            }
        });
        return done;
    }

    /**
     * The checkSession poll: {@code login_required} means the SSO session is gone (logged out elsewhere), so this
     * app logs out too; {@code consent_required} means the session is alive; a success renews the tokens too.
     */
    public CompletableFuture<Void> checkSession() {
        var held = tokens;
        if (held == null || silent == null) {
            return CompletableFuture.completedFuture(null);
        }
        return silent.authorize(Scopes.format(held.scopes())).thenAccept(outcome -> {
            if (tokens == null) {
                return;
            }
            if (outcome instanceof Authorizer.Denied denied && denied.loginRequired()) {
                LOG.info("The SSO session has ended: signing out here too");
                end("You were signed out, in this window or another one. Please sign in again.",
                        Scopes.format(held.scopes()));
            } else if (outcome instanceof Authorizer.SignedIn in) {
                tokens = in.tokens();
                scheduleRenewal(in.tokens());
            }
            if (tokens != null) {
                schedulePoll();
            }
        });
    }

    /** Ends the SSO session at the authorization server, drops the tokens, then shows the login. */
    public CompletableFuture<Void> logout() {
        var scope = tokens == null ? null : Scopes.format(tokens.scopes());
        cancelTimers();
        tokens = null;
        current = null;
        var ended = silent != null ? silent.logout(logoutReturnTo) : browserLogout();
        return ended.handle((v, e) -> {
            if (e != null) {
                LOG.warn("Logout at the sign-in server did not complete: {}", e.getMessage());
            }
            listener.signedOut(e == null ? null
                    : "You were signed out of Organizer, but the sign-in server could not be told.", scope);
            return null;
        });
    }

    /** With PKCE the SSO cookie is the browser's: the logout URL opens there. */
    private CompletableFuture<Void> browserLogout() {
        try {
            organizer.desktop.login.BrowserLoginView.browse(logoutUrl);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Ends the local session (no call to the server): SLO, expiry. */
    private void end(String notice, String scope) {
        cancelTimers();
        tokens = null;
        current = null;
        listener.signedOut(notice, scope);
    }

    private void scheduleRenewal(Tokens held) {
        if (renewal != null) {
            renewal.cancel(false);
        }
        var life = Duration.between(clock.instant(), held.expiresAt());
        var lead = RENEW_BEFORE.compareTo(life.dividedBy(3)) < 0 ? RENEW_BEFORE : life.dividedBy(3);
        renewal = later(life.minus(lead), this::renew);
    }

    private void schedulePoll() {
        if (poll != null) {
            poll.cancel(false);
        }
        if (silent == null) {
            return;
        }
        poll = later(checkSessionInterval, this::checkSession);
    }

    private ScheduledFuture<?> later(Duration delay, Runnable onFx) {
        var millis = Math.max(0, delay.toMillis());
        try {
            return timer.schedule(() -> Platform.runLater(onFx), millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return null; // the window is closed: nothing more to schedule
        }
    }

    private void cancelTimers() {
        if (renewal != null) {
            renewal.cancel(false);
        }
        if (poll != null) {
            poll.cancel(false);
        }
    }

    /** The views' side of the session; it always reads the newest tokens, so a renewal needs no new views. */
    private final class AppSession implements Session {
        private final Tokens first = tokens;

        @Override
        public String accessToken() {
            var held = tokens;
            return held == null ? null : held.accessToken();
        }

        @Override
        public Set<String> scopes() {
            var held = tokens;
            return held == null ? Set.of() : held.scopes();
        }

        @Override
        public UserProfile user() {
            var held = tokens;
            return held == null ? first.user() : held.user();
        }

        @Override
        public CompletableFuture<Void> renew() {
            var result = new CompletableFuture<Void>();
            Platform.runLater(() -> SessionManager.this.renew().whenComplete((v, e) -> {
                if (e == null) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(e);
                }
            }));
            return result;
        }

        @Override
        public void logout() {
            Platform.runLater(SessionManager.this::logout);
        }

        @Override
        public void reauthorize(String scope) {
            Platform.runLater(() -> {
                var wanted = new LinkedHashSet<>(scopes());
                wanted.addAll(Scopes.parse(scope));
                end(null, Scopes.format(wanted));
            });
        }
    }
}
