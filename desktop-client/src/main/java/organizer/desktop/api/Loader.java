package organizer.desktop.api;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one API call on the background executor and hands its outcome to the UI executor ({@code Platform::runLater}
 * in the app, {@code Runnable::run} in unit tests). Outcomes of a call that was superseded by a newer one are
 * dropped, so a slow old answer never overwrites a fresh one.
 */
public final class Loader {
    private final Executor background;
    private final Executor ui;
    private long generation;

    public Loader(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Call from the UI thread: starts {@code call}, later runs exactly one of {@code done} or {@code failed}. */
    public <T> void load(Supplier<T> call, Consumer<T> done, Consumer<ApiException> failed) {
        var mine = ++generation;
        background.execute(() -> {
            try {
                var result = call.get();
                ui.execute(() -> {
                    if (mine == generation) {
                        done.accept(result);
                    }
                });
            } catch (RuntimeException e) {
                var failure = e instanceof ApiException api ? api
                        : new ApiException(ApiException.Kind.SERVER, 0, null, "Unexpected failure", e);
                ui.execute(() -> {
                    if (mine == generation) {
                        failed.accept(failure);
                    }
                });
            }
        });
    }

    /** Forgets any call in flight: its outcome will be dropped. */
    public void cancel() {
        generation++;
    }
}
