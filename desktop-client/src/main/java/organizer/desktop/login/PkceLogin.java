package organizer.desktop.login;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import organizer.common.domain.Scopes;
import organizer.common.json.Json;
import organizer.desktop.session.Tokens;
import organizer.desktop.session.UserProfile;

/**
 * Authorization code + PKCE (S256) in the system browser with a loopback redirect on {@code 127.0.0.1}
 * (RFC 8252, the best current practice for native apps). The app never sees the password, and the browser's own
 * SSO session is used. The loopback server takes exactly one callback, then stops.
 */
public final class PkceLogin {
    private static final Duration WAIT = Duration.ofMinutes(5);

    private final URI issuer;
    private final String clientId;
    private final String audience;
    private final int port;
    private final OkHttpClient http;
    private final IdTokenValidator validator;
    private final Clock clock;

    /** @param port the loopback port to listen on (0: any; the tenant must then accept any loopback port) */
    public PkceLogin(URI issuer, String clientId, String audience, int port, OkHttpClient http, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.audience = audience;
        this.port = port;
        this.http = http;
        this.validator = new IdTokenValidator(issuer, clientId, clock);
        this.clock = clock;
    }

    /**
     * Starts the loopback listener, hands the authorize URL to {@code browser} (the system browser in the app, a
     * test's own HTTP client in tests) and completes with the outcome of the code exchange.
     */
    public CompletableFuture<Authorizer.Outcome> login(String scope, Consumer<URI> browser) throws IOException {
        var verifier = AuthorizeUrl.random(32);
        var state = AuthorizeUrl.random();
        var nonce = AuthorizeUrl.random();
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        var redirectUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
        var result = new CompletableFuture<Authorizer.Outcome>();
        server.createContext("/callback", exchange -> {
            var answer = ImplicitRedirect.parse(redirectUri + "?" + nullToEmpty(exchange.getRequestURI().getRawQuery()));
            var page = "Signed in. You can close this tab and return to Organizer.";
            Runnable conclude;
            if (answer.state() == null || !IdTokenValidator.constantTimeEquals(answer.state(), state)) {
                page = "This sign-in answer does not belong to Organizer's request. Please try again from the app.";
                conclude = () -> result.complete(new Authorizer.Rejected(
                        "The sign-in answer does not belong to this sign-in attempt (state mismatch)"));
            } else if (answer instanceof ImplicitRedirect.Failure failure) {
                page = "Sign-in did not complete. Return to Organizer for details.";
                conclude = () -> result.complete(new Authorizer.Denied(failure.error(), failure.description()));
            } else if (answer instanceof ImplicitRedirect.Code code) {
                conclude = () -> CompletableFuture.runAsync(
                        () -> result.complete(exchange(code.code(), verifier, redirectUri, nonce, scope)));
            } else {
                conclude = () -> result.complete(new Authorizer.Rejected("The sign-in server answered without a code"));
            }
            var body = ("<!doctype html><meta charset=utf-8><title>Organizer</title><p>" + page + "</p>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            conclude.run(); // after answering: completing stops this server
        });
        server.start();
        result.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).whenCompleteAsync((o, e) -> server.stop(0));
        browser.accept(AuthorizeUrl.code(issuer, clientId, redirectUri, audience, scope, state, nonce, challenge(verifier)));
        return result.exceptionally(e -> new Authorizer.Rejected("No answer from the browser within " + WAIT.toMinutes() + " minutes"));
    }

    private Authorizer.Outcome exchange(String code, String verifier, URI redirectUri, String nonce, String scope) {
        var form = new FormBody.Builder().add("grant_type", "authorization_code").add("client_id", clientId)
                .add("code", code).add("code_verifier", verifier).add("redirect_uri", redirectUri.toString()).build();
        var request = new Request.Builder().url(issuer + "oauth/token").post(form).build();
        try (var response = http.newCall(request).execute()) {
            var json = Json.MAPPER.readTree(response.body().string());
            if (!response.isSuccessful()) {
                return new Authorizer.Denied(text(json, "error", "server_error"), text(json, "error_description", ""));
            }
            var accessToken = text(json, "access_token", null);
            var idToken = text(json, "id_token", null);
            if (accessToken == null || idToken == null) {
                return new Authorizer.Rejected("The token answer had no access token or no ID token");
            }
            var claims = validator.verified(idToken, nonce).jwt();
            var atHash = claims.getClaim("at_hash").asString();
            if (atHash != null && !IdTokenValidator.constantTimeEquals(atHash, IdTokenValidator.atHash(accessToken))) {
                return new Authorizer.Rejected("The access token does not belong to the ID token (at_hash)");
            }
            var user = new UserProfile(claims.getSubject(), claims.getClaim("name").asString(),
                    claims.getClaim("email").asString(), claims.getClaim("picture").asString());
            var granted = text(json, "scope", scope);
            var expiresIn = json.path("expires_in").asLong(0);
            return new Authorizer.SignedIn(new Tokens(accessToken, Scopes.parse(granted),
                    clock.instant().plusSeconds(expiresIn), user, claims.getExpiresAtAsInstant()));
        } catch (IdTokenValidator.Invalid e) {
            return new Authorizer.Rejected(e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Authorizer.Rejected("Cannot reach the sign-in server at " + issuer);
        }
    }

    /** RFC 7636 S256: base64url(SHA-256(ASCII(verifier))). */
    static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode json, String field, String fallback) {
        var node = json.get(field);
        return node == null || node.isNull() ? fallback : node.asText();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
