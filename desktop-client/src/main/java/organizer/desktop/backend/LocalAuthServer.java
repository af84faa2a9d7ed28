package organizer.desktop.backend;

import java.net.URI;
import java.nio.file.Path;
import organizer.auth.AuthConfig;
import organizer.auth.AuthServer;

/**
 * The auth-server in this process, bound to loopback: the built-in tenant of the reference page with the demo
 * account (the app), or a tenant file (tests: short token lifetimes, their own users).
 */
public final class LocalAuthServer implements AuthBackend {
    private final Path tenantFile;
    private final boolean demoAccount;

    /** The built-in tenant with the demo account. */
    public LocalAuthServer() {
        this(null, true);
    }

    public LocalAuthServer(Path tenantFile, boolean demoAccount) {
        this.tenantFile = tenantFile;
        this.demoAccount = demoAccount;
    }

    @Override
    public Running start(int port, Path dataDir) throws Exception {
        var config = new AuthConfig("127.0.0.1", port, null, tenantFile, dataDir, null, null, null, false, demoAccount,
                false);
        var server = AuthServer.newServer(config, java.time.Clock.systemUTC(), null);
        server.start();
        var issuer = URI.create(server.issuer());
        return new Running() {
            @Override
            public URI issuer() {
                return issuer;
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }
}
