package organizer.common.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import organizer.common.json.Json;

/**
 * A test fixture playing the public side of an authorization server: it serves {@code /.well-known/jwks.json} over
 * real HTTP on a free loopback port. Keys can be added (a rotation) and the server stopped (an outage).
 */
public final class JwksServer implements AutoCloseable {
    private final HttpServer server;
    private final List<SigningKey> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();

    private JwksServer(HttpServer server) {
        this.server = server;
    }

    public static JwksServer start(SigningKey... initialKeys) throws IOException {
        var http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var jwks = new JwksServer(http);
        jwks.keys.addAll(List.of(initialKeys));
        http.createContext("/.well-known/jwks.json", exchange -> {
            jwks.fetches.incrementAndGet();
            var body = Json.write(Map.of("keys", jwks.keys.stream().map(SigningKey::jwk).toList()))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        return jwks;
    }

    /** The issuer this fixture plays, with Auth0's trailing slash. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public URI jwksUrl() {
        return URI.create(issuer() + ".well-known/jwks.json");
    }

    public void addKey(SigningKey key) {
        keys.add(key);
    }

    /** How many times the JWKS was fetched. */
    public int fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
