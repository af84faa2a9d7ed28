package organizer.desktop.backend;

import java.net.URI;
import java.nio.file.Path;

/** Starts the local authorization server; the app uses the auth-server's default tenant, tests their own tenant. */
public interface AuthBackend {
    /** A running authorization server. */
    interface Running extends AutoCloseable {
        /** Its issuer, {@code http://localhost:<port>/}. */
        URI issuer();

        @Override
        void close();
    }

    /** Binds {@code port} (0: a free one) and serves with data under {@code dataDir}. */
    Running start(int port, Path dataDir) throws Exception;
}
