package organizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import organizer.common.testing.JwksServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code organizer.api.ApiServer} as a real process: its command line, start line, SIGTERM and kill -9. */
class ProcessFlowTest {
    private static final Pattern CONTACTS_URL = Pattern.compile("contacts (http://\\S+/api/contacts)");

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();
    private JwksServer jwks;

    @AfterEach
    void cleanUp() {
        processes.forEach(Process::destroyForcibly);
        if (jwks != null) {
            jwks.close();
        }
    }

    @Test
    void badFlagsPrintOneLineAndExitWith2() throws Exception {
        var run = start("--contacts-port=lots");
        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.process.exitValue()).isEqualTo(2);
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0)).startsWith("organizer-api: ").contains("--contacts-port").contains("lots");
    }

    @Test
    void sigtermStopsGracefullyAndTheLogsNeverShowTheToken() throws Exception {
        jwks = JwksServer.start(ApiFixture.KEY);
        var run = start("--contacts-port=0", "--calendar-port=0", "--data-dir=" + dir, "--issuer=" + jwks.issuer(),
                "--db-url=jdbc:h2:file:" + dir.resolve("shared") + ";USER=sa;PASSWORD=s3cret-pw");
        var started = run.awaitLine("Organizer API started");
        assertThat(started).contains("issuer " + jwks.issuer()).contains("audience organize")
                .contains("PASSWORD=***").doesNotContain("s3cret-pw");
        var token = ApiFixture.KEY.accessToken(jwks.issuer(), "auth0|alice", "read:contacts");
        var url = contactsUrl(started);
        assertThat(ApiFixture.send(new okhttp3.Request.Builder().url(url + "?access_token=" + token).build()).status())
                .isEqualTo(200);
        run.awaitLine("GET /api/contacts HTTP/1.1\" 200");

        // SIGTERM with kill(1): Process.destroy() would also close our end of the output pipe
        new ProcessBuilder("kill", "-TERM", String.valueOf(run.process.pid())).start().waitFor();
        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        run.awaitLine("Organizer API stopped");
        assertThat(run.process.exitValue()).isEqualTo(143); // terminated by SIGTERM, after the shutdown hook ran
        assertThat(String.join("\n", run.lines())).doesNotContain(token).doesNotContain("access_token");
    }

    @Test
    void killMinus9LosesNothingThatWasAnswered() throws Exception {
        jwks = JwksServer.start(ApiFixture.KEY);
        var run = start("--contacts-port=0", "--calendar-port=0", "--data-dir=" + dir, "--issuer=" + jwks.issuer());
        var url = contactsUrl(run.awaitLine("Organizer API started"));
        var token = ApiFixture.KEY.accessToken(jwks.issuer(), "auth0|alice", "read:contacts read:calendar");
        var seeded = ApiFixture.send(new okhttp3.Request.Builder().url(url)
                .header("Authorization", "Bearer " + token).build());
        assertThat(seeded.status()).isEqualTo(200);

        run.process.destroyForcibly(); // SIGKILL: no shutdown hook, no database close
        assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        try (var fx = ApiFixture.start(jwks, dir, b -> b)) {
            assertThat(fx.get(ApiService.CONTACTS, "/api/contacts", token).json()).isEqualTo(seeded.json());
        }
    }

    private static String contactsUrl(String startLine) {
        var matcher = CONTACTS_URL.matcher(startLine);
        assertThat(matcher.find()).as(startLine).isTrue();
        return matcher.group(1);
    }

    /** A running {@code java organizer.api.ApiServer}; its stdout and stderr go to a file, read as it grows. */
    private record Run(Process process, Path output) {
        List<String> lines() throws IOException {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        }

        String awaitLine(String part) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            do {
                for (var line : lines()) {
                    if (line.contains(part)) {
                        return line;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(20); // polling the output of another process, with a deadline
            } while (System.nanoTime() < deadline);
            throw new AssertionError("no line containing '" + part + "' in:\n" + String.join("\n", lines()));
        }
    }

    private Run start(String... args) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorganizer.LEVEL=INFO", "-cp", System.getProperty("java.class.path"), ApiServer.class.getName()));
        command.addAll(List.of(args));
        var output = Files.createTempFile(dir, "api-", ".log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        processes.add(process);
        return new Run(process, output);
    }
}
