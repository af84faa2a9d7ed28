package organizer.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import organizer.api.contacts.ContactStore;
import organizer.api.contacts.ContactsServlet;
import organizer.api.contacts.SampleContacts;
import organizer.api.http.AccessLog;
import organizer.api.security.BearerTokenFilter;
import organizer.api.storage.SampleSeeder;
import organizer.common.db.Database;
import organizer.common.domain.Scopes;
import organizer.common.testing.JwksServer;
import organizer.common.testing.SigningKey;
import organizer.common.token.AccessTokenVerifier;
import organizer.common.token.VerifiedToken;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The benchmark's servers (see bench/api/run.sh), not a test: ONE {@link ContactsServlet} instance on one store,
 * served by three Jetty servers built by the production route table {@link ApiServer#jetty} that differ only in
 * the authentication filter: the real {@link BearerTokenFilter} (with and without the verified-token cache) and
 * a filter that plays a fixed, already-authenticated user ("auth off"). Writes {@code endpoints} and {@code token}
 * into the directory given as argument, then serves until killed.
 */
public final class BenchServer {
    private static final String SUBJECT = "auth0|bench";

    /** "Auth off": the request is the bench user's, as if a token with read:contacts had been verified. */
    static final class FixedUserFilter extends HttpFilter {
        private final VerifiedToken user = new VerifiedToken(SUBJECT, Set.of(Scopes.READ_CONTACTS), "bench",
                Instant.now().plusSeconds(86_400), null);

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            request.setAttribute(BearerTokenFilter.TOKEN, user);
            chain.doFilter(request, response);
        }
    }

    public static void main(String[] args) throws Exception {
        var work = Path.of(args[0]);
        boolean accessLog = args.length > 1 && args[1].equals("--access-log");
        var key = SigningKey.generate();
        var jwks = JwksServer.start(key);
        var config = ApiConfig.builder().services(EnumSet.of(ApiService.CONTACTS)).contactsPort(0)
                .issuer(java.net.URI.create(jwks.issuer())).dataDir(work.resolve("data")).accessLog(accessLog).build();
        Files.createDirectories(config.dataDir());
        var database = Database.open(config.jdbcUrl(ApiService.CONTACTS), "db/api");
        var dataSource = database.dataSource();
        var servlet = new ContactsServlet(new ContactStore(dataSource),
                new SampleSeeder(dataSource, "contacts", SampleContacts::write, Clock.systemUTC()));
        var resources = Map.<ApiService, jakarta.servlet.http.HttpServlet>of(ApiService.CONTACTS, servlet);
        var cached = AccessTokenVerifier.of(config.issuer(), config.audience(), config.jwksUri(), Clock.systemUTC());
        var uncached = AccessTokenVerifier.of(config.issuer(), config.audience(), config.jwksUri(), Clock.systemUTC(), 0);

        var auth = ApiServer.jetty(config, 0, () -> new BearerTokenFilter(cached, config.audience()), resources,
                dataSource, AccessLog.slf4j());
        var authNoCache = ApiServer.jetty(config, 0, () -> new BearerTokenFilter(uncached, config.audience()), resources,
                dataSource, AccessLog.slf4j());
        var open = ApiServer.jetty(config, 0, FixedUserFilter::new, resources, dataSource, AccessLog.slf4j());
        for (var server : new Server[] {auth, authNoCache, open}) {
            server.start();
        }
        var token = key.accessToken(jwks.issuer(), SUBJECT, "openid read:contacts read:calendar");
        Files.writeString(work.resolve("token"), token, StandardCharsets.US_ASCII);
        Files.writeString(work.resolve("endpoints"), "AUTH_URL=" + url(auth) + "\nAUTH_NOCACHE_URL=" + url(authNoCache)
                + "\nOPEN_URL=" + url(open) + "\n", StandardCharsets.US_ASCII);
        System.out.println("bench servers ready");
        auth.join();
    }

    private static String url(Server server) {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/api/contacts";
    }
}
