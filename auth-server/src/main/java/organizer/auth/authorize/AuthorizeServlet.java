package organizer.auth.authorize;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import organizer.auth.session.Sessions;
import organizer.auth.tenant.Client;
import organizer.auth.tenant.Ids;
import organizer.auth.tenant.ResourceServer;
import organizer.auth.tenant.TenantFile;
import organizer.auth.tenant.TenantStore;
import organizer.auth.token.ScopeList;
import organizer.auth.web.Cookies;
import organizer.auth.web.Html;
import organizer.auth.web.Params;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/**
 * {@code GET /authorize}. Checks in order: the client, then its callback (both failures end on an HTML page, never
 * a redirect), then everything else with errors sent back through the response mode. A live SSO session answers
 * at once (or asks for consent); otherwise the request waits server-side while the user logs in.
 */
public final class AuthorizeServlet extends HttpServlet {
    static final String DEVICE_COOKIE = "did";
    private static final Set<String> MODES = Set.of("query", "fragment", "form_post", "web_message");
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent");
    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "email");

    private final TenantStore tenant;
    private final Sessions sessions;
    private final AuthorizeFlow flow;
    private final Clock clock;

    AuthorizeServlet(TenantStore tenant, Sessions sessions, AuthorizeFlow flow, Clock clock) {
        this.tenant = tenant;
        this.sessions = sessions;
        this.flow = flow;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, String> params;
        try {
            params = Params.of(req);
        } catch (OAuthException e) {
            Html.error(resp, 400, e.error().error(), e.error().description());
            return;
        }
        var client = tenant.client(params.get("client_id"));
        if (client.isEmpty()) {
            Html.error(resp, 400, "invalid_request", "Unknown client: " + params.getOrDefault("client_id", ""));
            return;
        }
        var redirectUri = params.get("redirect_uri");
        if (!client.get().hasCallback(redirectUri)) {
            Html.error(resp, 400, "invalid_request", "Callback URL mismatch. " + (redirectUri == null ? "(none)"
                    : redirectUri) + " is not in the list of allowed callback URLs");
            return;
        }
        var mode = responseMode(params);
        if ("web_message".equals(mode) && !AuthorizationResponse.webMessageAllowed(client.get(), redirectUri)) {
            Html.error(resp, 400, "invalid_request", "The origin of " + redirectUri
                    + " is not in the list of allowed web origins");
            return;
        }
        try {
            var pending = admit(req, resp, client.get(), AuthorizeRequest.parse(params), mode);
            answer(req, resp, pending);
        } catch (OAuthException e) {
            AuthorizationResponse.error(resp, client.get(), redirectUri, mode, e.error(), params.get("state"));
        }
    }

    /** The response mode errors go back with: the requested one when valid, else the response type's default. */
    private static String responseMode(Map<String, String> params) {
        var requested = params.get("response_mode");
        if (requested != null && MODES.contains(requested)) {
            return requested;
        }
        try {
            return ResponseType.parse(params.get("response_type")).defaultMode();
        } catch (OAuthException e) {
            return "query";
        }
    }

    /** Every check after the callback is trusted; the result is the request as it will wait for the user. */
    private Pending admit(HttpServletRequest req, HttpServletResponse resp, Client client, AuthorizeRequest r,
                          String mode) {
        var type = ResponseType.parse(r.responseType());
        if (r.responseMode() != null && !MODES.contains(r.responseMode())) {
            throw new OAuthException(OAuthError.invalidRequest("Unsupported response_mode: "
                    + r.responseMode().replaceAll("[^a-z_]", "?")));
        }
        if ("query".equals(mode) && type.frontChannelTokens()) {
            throw new OAuthException(OAuthError.invalidRequest(
                    "response_mode=query is not allowed when tokens are returned from the authorization endpoint"));
        }
        if (type.frontChannelTokens() && !client.allowsGrant("implicit")) {
            throw new OAuthException(OAuthError.unauthorizedClient("Grant type 'implicit' not allowed for the client."));
        }
        if (type.code() && !client.allowsGrant("authorization_code")) {
            throw new OAuthException(OAuthError.unauthorizedClient(
                    "Grant type 'authorization_code' not allowed for the client."));
        }
        ResourceServer api = null;
        if (r.audience() != null) {
            api = tenant.resourceServer(r.audience()).orElseThrow(() -> new OAuthException(
                    OAuthError.accessDenied("Service not found: " + r.audience())));
        }
        if (type.idToken() && r.nonce() == null) {
            throw new OAuthException(OAuthError.invalidRequest("Missing required parameter: nonce"));
        }
        if (r.prompt() != null && !PROMPTS.containsAll(List.of(r.prompt().trim().split(" +")))) {
            throw new OAuthException(OAuthError.invalidRequest("Unsupported prompt value"));
        }
        if (r.connection() != null && !TenantFile.DATABASE_CONNECTION.equals(r.connection())) {
            throw new OAuthException(OAuthError.invalidRequest("the connection was not found"));
        }
        checkPkce(client, type, r);
        var scopes = allowedScopes(client, api, ScopeList.parse(r.scope()));
        if (type.idToken() && !scopes.contains("openid")) {
            throw new OAuthException(OAuthError.invalidRequest("The id_token response type requires the openid scope"));
        }
        var device = Cookies.read(req, DEVICE_COOKIE);
        if (device == null || device.length() > 100) {
            device = Ids.secret();
            Cookies.set(resp, DEVICE_COOKIE, device, Duration.ofDays(365), sessions.secureCookies());
        }
        return new Pending(flow.pending().newTx(), Ids.secret(), device, r, type, mode, client, api, scopes,
                clock.instant(), null, null, null);
    }

    private static void checkPkce(Client client, ResponseType type, AuthorizeRequest r) {
        if (!type.code()) {
            return;
        }
        if (r.codeChallenge() == null) {
            if (r.codeChallengeMethod() != null) {
                throw new OAuthException(OAuthError.invalidRequest("Missing required parameter: code_challenge"));
            }
            if (client.isPublic()) { // RFC 9700 §2.1.1: public clients must use PKCE
                throw new OAuthException(OAuthError.invalidRequest(
                        "Public clients must send a code_challenge (PKCE, S256)"));
            }
            return;
        }
        if (!"S256".equals(r.codeChallengeMethod())) {
            throw new OAuthException(OAuthError.invalidRequest("code_challenge_method must be S256"));
        }
        if (!r.codeChallenge().matches("[A-Za-z0-9_-]{43}")) {
            throw new OAuthException(OAuthError.invalidRequest("code_challenge is not a base64url SHA-256 value"));
        }
    }

    /**
     * The requested scopes this request can be granted: OIDC scopes, the API's own permissions, and
     * {@code offline_access} where refresh tokens are allowed. Others are dropped, as Auth0 does (the response
     * then carries the granted {@code scope}).
     */
    private static List<String> allowedScopes(Client client, ResourceServer api, List<String> requested) {
        var allowed = new ArrayList<String>();
        for (var scope : requested) {
            boolean offline = "offline_access".equals(scope) && api != null && api.allowOfflineAccess()
                    && client.allowsGrant("refresh_token");
            if (OIDC_SCOPES.contains(scope) || offline || (api != null && api.defines(scope))) {
                allowed.add(scope);
            }
        }
        return List.copyOf(allowed);
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp, Pending p) throws IOException {
        var r = p.request();
        var prompt = r.prompt() == null ? "" : r.prompt();
        var session = sessions.current(req);
        boolean fresh = session.isPresent() && (r.maxAge() == null
                || !clock.instant().isAfter(session.get().authTime().plusSeconds(r.maxAge())));
        boolean forceLogin = prompt.contains("login") || ("signup".equals(r.screenHint()) && !prompt.contains("none"));
        if (fresh && !forceLogin) {
            flow.proceed(resp, p.withUser(session.get().userId(), session.get().sid(), session.get().authTime()));
            return;
        }
        if (prompt.contains("none")) {
            throw new OAuthException(OAuthError.loginRequired());
        }
        flow.pending().put(p);
        resp.setStatus(302);
        resp.setHeader("Location", ("signup".equals(r.screenHint()) ? "/u/signup" : "/u/login") + "?state=" + p.tx());
        resp.setHeader("Cache-Control", "no-store");
    }
}
