package organizer.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.CrossOriginHandler;

/**
 * CORS for the registered web origins (default {@code http://localhost:3000}), with Jetty's own handler: preflight
 * requests are answered before authentication (a browser never sends a token with them), and the answers to
 * real requests, errors included, carry {@code Access-Control-Allow-Origin} so a web client can read a 401 and
 * its {@code WWW-Authenticate}. Bearer tokens, not cookies: credentials are not allowed.
 */
public final class Cors {
    private Cors() {
    }

    public static Handler.Wrapper handler(List<String> origins) {
        var cors = new CrossOriginHandler();
        // Jetty takes regular expressions; our configuration lists exact origins, so quote them ("*" stays any).
        Set<String> patterns = origins.stream()
                .map(origin -> origin.equals("*") ? "*" : Pattern.quote(origin))
                .collect(Collectors.toSet());
        cors.setAllowedOriginPatterns(patterns);
        cors.setAllowedMethods(Set.of("GET", "HEAD", "OPTIONS"));
        cors.setAllowedHeaders(Set.of("Authorization", "Content-Type", "Accept"));
        cors.setExposedHeaders(Set.of("WWW-Authenticate"));
        cors.setAllowCredentials(false);
        cors.setPreflightMaxAge(Duration.ofMinutes(10));
        return cors;
    }
}
