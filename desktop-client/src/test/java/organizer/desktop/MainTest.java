package organizer.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line: a bad one is one line and exit code 2, before anything starts. */
class MainTest {
    @Test
    void badFlagIsOneLineAndExitCode2() {
        var err = new ByteArrayOutputStream();
        var previous = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(new String[]{"--login=magic"}, Map.of())).isEqualTo(2);
        } finally {
            System.setErr(previous);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("organizer: --login must be one of implicit, pkce: magic (see --help)");
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        var out = new ByteArrayOutputStream();
        var previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(new String[]{"--help"}, Map.of())).isZero();
        } finally {
            System.setOut(previous);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--smoke-test").contains("--issuer");
    }
}
