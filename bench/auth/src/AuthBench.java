import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import organizer.auth.AuthConfig;
import organizer.auth.AuthServer;

/**
 * Load driver for the auth-server, run by bench/auth/run.sh (not a test). In one JVM run it measures:
 * 1. the raw RS256 signing rate of java-jwt for a client-credentials-shaped token (the baseline);
 * 2. client-credentials tokens per second through the real server over loopback HTTP/1.1 keep-alive
 *    (a minimal blocking socket client, so the driver costs little);
 * 3. the login round trip (authorize -> login page -> POST credentials -> consent page -> Accept -> redirect).
 * Each rate: warm-up, then a timed window; raw and HTTP alternate for ROUNDS rounds; medians reported, and the median
 * of the per-round ratios. Options: -Dbench.rounds, -Dbench.seconds, -Dbench.warmup, -Dbench.threads, -Dbench.logins.
 */
public final class AuthBench {
    static final int THREADS = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors() * 4);
    static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 2));
    static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.seconds", 4));
    // Many short alternating rounds: on a shared machine the load changes from minute to minute, and the ratio of
    // two neighbouring windows is steadier than either rate.
    static final int ROUNDS = Integer.getInteger("bench.rounds", 12);
    static final int LOGINS = Integer.getInteger("bench.logins", 30);

    public static void main(String[] args) throws Exception {
        var data = Files.createTempDirectory("auth-bench");
        var server = AuthServer.newServer(AuthConfig.embedded(data, null).withDemoAccount(true), Clock.systemUTC(), null);
        server.start();
        try {
            var secret = Files.readString(data.resolve("organizer-m2m.secret")).strip();
            var issuer = server.issuer();
            int cores = Runtime.getRuntime().availableProcessors();
            var raw = new ArrayList<Double>();
            var http = new ArrayList<Double>();
            var ratios = new ArrayList<Double>();
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            double loadBefore = os.getSystemLoadAverage();
            for (int round = 0; round < ROUNDS; round++) {
                // As many signing threads as connections: CPU-bound either way, and on a shared machine both runs
                // then get the same share of the cores.
                raw.add(rate(THREADS, () -> rawSigner(issuer)));
                http.add(rate(THREADS, () -> tokenCaller(server.port(), secret)));
                ratios.add(http.get(round) / raw.get(round));
                System.err.printf("round %d: raw %.0f/s, http %.0f/s, ratio %.2f%n", round + 1, raw.get(round),
                        http.get(round), ratios.get(round));
            }
            var logins = loginRoundTrips(issuer);
            double rawMedian = median(raw);
            double httpMedian = median(http);
            System.out.println();
            System.out.printf("| measure (median of %d runs, %ds each, %d cores) | value |%n", ROUNDS, WINDOW.toSeconds(), cores);
            System.out.println("|---|---|");
            System.out.printf("| java-jwt RS256 signing in-process, %d threads (baseline) | %.0f tokens/s |%n", THREADS,
                    rawMedian);
            System.out.printf("| POST /oauth/token client_credentials over loopback HTTP, %d connections | %.0f tokens/s |%n",
                    THREADS, httpMedian);
            System.out.printf("| ratio server / raw signing (median of per-round ratios, min-max) | %.2f (%.2f-%.2f) |%n",
                    median(ratios), Collections.min(ratios), Collections.max(ratios));
            System.out.printf("| login round trip (authorize, login, consent, redirect), %d runs | median %.1f ms, p95 %.1f ms |%n",
                    LOGINS, percentile(logins, 50), percentile(logins, 95));
            System.out.printf("| system load average (1 min) before / after | %.1f / %.1f |%n", loadBefore,
                    os.getSystemLoadAverage());
        } finally {
            server.stop();
        }
    }

    interface Op {
        void run() throws Exception;
    }

    interface OpFactory {
        Op create() throws Exception;
    }

    /** Operations per second with {@code threads} workers, after a warm-up. */
    static double rate(int threads, OpFactory factory) throws Exception {
        var count = new LongAdder();
        var measuring = new AtomicBoolean(false);
        var stop = new AtomicBoolean(false);
        var ready = new CountDownLatch(threads);
        var failures = new LongAdder();
        var workers = new ArrayList<Thread>();
        for (int i = 0; i < threads; i++) {
            var op = factory.create();
            var t = new Thread(() -> {
                ready.countDown();
                while (!stop.get()) {
                    try {
                        op.run();
                        if (measuring.get()) {
                            count.increment();
                        }
                    } catch (Exception e) {
                        failures.increment();
                    }
                }
            });
            t.start();
            workers.add(t);
        }
        ready.await();
        Thread.sleep(WARMUP.toMillis()); // a benchmark's warm-up window, not test synchronization
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(WINDOW.toMillis());
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        for (var t : workers) {
            t.join();
        }
        if (failures.sum() > 0) {
            throw new IllegalStateException(failures.sum() + " operations failed");
        }
        return count.sum() / (elapsed / 1e9);
    }

    private static Algorithm algorithm;

    /** The baseline: java-jwt signing the same claims the server puts in a client-credentials token. */
    static synchronized Op rawSigner(String issuer) throws Exception {
        if (algorithm == null) { // one RSA-2048 key, like the server's; java-jwt's Algorithm is thread-safe
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            algorithm = Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        }
        var algorithm = AuthBench.algorithm;
        return () -> {
            var now = Instant.now();
            JWT.create().withKeyId("bench").withIssuer(issuer).withSubject("organizer-m2m@clients")
                    .withAudience("organize").withIssuedAt(now).withExpiresAt(now.plusSeconds(86400))
                    .withClaim("azp", "organizer-m2m").withClaim("scope", "read:calendar read:contacts")
                    .withClaim("gty", "client-credentials").sign(algorithm);
        };
    }

    /** One keep-alive connection posting client-credentials requests. */
    static Op tokenCaller(int port, String secret) throws IOException {
        var body = ("grant_type=client_credentials&client_id=organizer-m2m&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&audience=organize").getBytes(StandardCharsets.US_ASCII);
        var head = ("POST /oauth/token HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        var request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        var socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        return () -> {
            out.write(request);
            out.flush();
            int status = readResponse(in);
            if (status != 200) {
                throw new IllegalStateException("status " + status);
            }
        };
    }

    /** Reads one HTTP/1.1 response with a Content-Length; returns its status. */
    static int readResponse(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int status = -1;
        int length = 0;
        while (true) {
            line.reset();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            var text = line.toString(StandardCharsets.US_ASCII);
            if (status < 0) {
                status = Integer.parseInt(text.substring(9, 12));
            } else if (text.isEmpty()) {
                break;
            } else if (text.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(text.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return status;
    }

    /** Full interactive logins with a fresh browser each (cookies per run), consent forced each time. */
    static List<Double> loginRoundTrips(String issuer) throws Exception {
        var times = new ArrayList<Double>();
        var authorize = issuer + "authorize?response_type=token&client_id=organizer-spa&redirect_uri="
                + URLEncoder.encode("http://localhost:3000/callback.html", StandardCharsets.UTF_8)
                + "&audience=organize&scope=" + URLEncoder.encode("read:calendar read:contacts", StandardCharsets.UTF_8)
                + "&state=bench&prompt=consent";
        for (int i = 0; i < LOGINS + 5; i++) {
            var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .cookieHandler(new java.net.CookieManager()).build();
            long start = System.nanoTime();
            var toLogin = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
            var loginUrl = URI.create(issuer).resolve(toLogin.headers().firstValue("Location").orElseThrow());
            var login = browser.send(HttpRequest.newBuilder(loginUrl).build(), HttpResponse.BodyHandlers.ofString()).body();
            var toConsent = post(browser, issuer + "u/login", Map.of("state", field(login, "state"),
                    "_csrf", field(login, "_csrf"), "email", AuthServer.DEMO_EMAIL, "password", AuthServer.DEMO_PASSWORD));
            var consentUrl = URI.create(issuer).resolve(toConsent.headers().firstValue("Location").orElseThrow());
            var consent = browser.send(HttpRequest.newBuilder(consentUrl).build(), HttpResponse.BodyHandlers.ofString()).body();
            var done = post(browser, issuer + "u/consent", Map.of("state", field(consent, "state"),
                    "_csrf", field(consent, "_csrf"), "action", "accept"));
            long elapsed = System.nanoTime() - start;
            if (!done.headers().firstValue("Location").orElse("").contains("#access_token=")) {
                throw new IllegalStateException("login did not complete: " + done.statusCode());
            }
            if (i >= 5) { // the first runs warm the JIT
                times.add(elapsed / 1e6);
            }
        }
        return times;
    }

    static HttpResponse<String> post(HttpClient client, String url, Map<String, String> form) throws Exception {
        var body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String field(String html, String name) {
        var m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no " + name);
        }
        return m.group(1);
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    static double percentile(List<Double> values, int p) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
