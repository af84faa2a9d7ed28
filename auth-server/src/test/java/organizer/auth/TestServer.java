package organizer.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import organizer.common.token.AccessTokenVerifier;

/** The real auth-server on a free loopback port with the test tenant and its data in a temporary directory. */
final class TestServer implements AutoCloseable {
    final AuthServer server;
    final Path dataDir;

    private TestServer(AuthServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    static Path testTenant() {
        try {
            return Path.of(TestServer.class.getResource("/test-tenant.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestServer start(Path dataDir) throws Exception {
        return start(AuthConfig.embedded(dataDir, testTenant()), Clock.systemUTC());
    }

    static TestServer start(AuthConfig config, Clock clock) throws Exception {
        var server = AuthServer.newServer(config, clock, null);
        server.start();
        return new TestServer(server, config.dataDir());
    }

    String issuer() {
        return server.issuer();
    }

    String url(String path) {
        return issuer() + path.replaceFirst("^/", "");
    }

    /** The verifier the API servers use, pointed at this server. */
    AccessTokenVerifier apiVerifier() {
        var issuer = URI.create(issuer());
        return AccessTokenVerifier.of(issuer, "organize", AccessTokenVerifier.defaultJwksUrl(issuer), Clock.systemUTC(), 0);
    }

    @Override
    public void close() {
        server.stop();
    }
}
