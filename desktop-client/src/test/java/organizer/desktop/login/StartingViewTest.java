package organizer.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window's first content while the local servers start, and what it says when they cannot. */
class StartingViewTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanup() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsProgressThenTheReasonAndCloseHidesTheWindow() throws Exception {
        var view = fx(() -> {
            var starting = new StartingView();
            var stage = new Stage();
            stage.setScene(new Scene(starting, 480, 320));
            stage.show();
            return starting;
        });
        assertThat(view.message()).isEqualTo("Starting Organizer…");
        assertThat(fx(() -> view.lookup("#startingProgress") != null)).isTrue();
        assertThat(fx(() -> view.lookup("#startingClose").isVisible())).isFalse();

        fx(() -> {
            view.failed("Port 4000 is in use by another program.");
            return null;
        });
        assertThat(view.message()).contains("could not start").contains("Port 4000 is in use by another program.");
        assertThat(fx(() -> view.lookup("#startingProgress"))).isNull();
        var close = (Button) fx(() -> view.lookup("#startingClose"));
        assertThat(fx(close::isVisible)).isTrue();

        fx(() -> {
            close.fire();
            return null;
        });
        assertThat(fx(() -> view.getScene().getWindow().isShowing())).isFalse();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
    }
}
