package organizer.desktop.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import organizer.common.domain.Scopes;
import organizer.desktop.session.Session;
import organizer.desktop.session.UserProfile;

/**
 * A test fixture: a signed-in session holding a token signed by the test's key, as the shell's real session would
 * after a login. Renewal hands out the next token from {@code renewal} (null: renewal fails, as with
 * {@code login_required}); logout and re-authorization are recorded for assertions.
 */
public final class FixedTokenSession implements Session {
    private volatile String token;
    private final Set<String> scopes;
    private final UserProfile user;
    private volatile Supplier<String> renewal = () -> null;
    private final AtomicInteger renewals = new AtomicInteger();
    private final AtomicInteger logouts = new AtomicInteger();
    private final List<String> reauthorized = new CopyOnWriteArrayList<>();

    public FixedTokenSession(String token, String scope, UserProfile user) {
        this.token = token;
        this.scopes = Scopes.parse(scope);
        this.user = user;
    }

    public static UserProfile alice() {
        return new UserProfile("auth0|alice", "Alice Johnson", "alice@organizer.test", null);
    }

    /** What {@link #renew()} produces: the next token, or null to fail. */
    public FixedTokenSession renewWith(Supplier<String> next) {
        this.renewal = next;
        return this;
    }

    @Override
    public String accessToken() {
        return token;
    }

    @Override
    public Set<String> scopes() {
        return scopes;
    }

    @Override
    public UserProfile user() {
        return user;
    }

    @Override
    public CompletableFuture<Void> renew() {
        renewals.incrementAndGet();
        var next = renewal.get();
        if (next == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("login_required"));
        }
        token = next;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logout() {
        logouts.incrementAndGet();
    }

    @Override
    public void reauthorize(String scope) {
        reauthorized.add(scope);
    }

    public int renewals() {
        return renewals.get();
    }

    public int logouts() {
        return logouts.get();
    }

    public List<String> reauthorized() {
        return List.copyOf(reauthorized);
    }
}
