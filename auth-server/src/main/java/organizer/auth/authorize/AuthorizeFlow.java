package organizer.auth.authorize;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import organizer.auth.tenant.TenantStore;
import organizer.auth.tenant.User;
import organizer.auth.tenant.UserStore;
import organizer.auth.token.AuthorizationCodes;
import organizer.auth.token.ScopeList;
import organizer.auth.token.TokenIssuer;
import organizer.auth.token.UserAuthorization;
import organizer.common.domain.Scopes;
import organizer.common.oauth.OAuthError;

/**
 * The steps after the user is known, shared by {@code /authorize} (SSO session), the login page and the consent
 * page: ask for consent when the remembered grant does not cover the request, then answer the client.
 */
final class AuthorizeFlow {
    private final TenantStore tenant;
    private final UserStore users;
    private final PendingAuthorizations pending;
    private final TokenIssuer issuer;
    private final AuthorizationCodes codes;

    AuthorizeFlow(TenantStore tenant, UserStore users, PendingAuthorizations pending, TokenIssuer issuer,
                  AuthorizationCodes codes) {
        this.tenant = tenant;
        this.users = users;
        this.pending = pending;
        this.issuer = issuer;
        this.codes = codes;
    }

    PendingAuthorizations pending() {
        return pending;
    }

    String userinfoAudience() {
        return issuer.userinfoAudience();
    }

    /** The user is authenticated for {@code p}: consent if needed, else the response. */
    void proceed(HttpServletResponse resp, Pending p) throws IOException {
        var user = users.byId(p.userId()).filter(u -> !u.isBlocked());
        if (user.isEmpty()) {
            fail(resp, p, p.request().prompt() != null && p.request().prompt().contains("none")
                    ? OAuthError.loginRequired() : OAuthError.accessDenied("user is blocked"));
            return;
        }
        if (consentNeeded(p)) {
            if (p.request().prompt() != null && p.request().prompt().contains("none")) {
                fail(resp, p, OAuthError.consentRequired());
                return;
            }
            pending.put(p);
            resp.setStatus(302);
            resp.setHeader("Location", "/u/consent?state=" + p.tx());
            resp.setHeader("Cache-Control", "no-store");
            return;
        }
        complete(resp, p, user.get());
    }

    boolean consentNeeded(Pending p) {
        var prompt = p.request().prompt();
        if (prompt != null && prompt.contains("consent")) {
            return true;
        }
        if (tenant.settings().flags().strictLocalhostConsent() && isLocalhost(p.request().redirectUri())) {
            return true;
        }
        if (p.scopes().isEmpty()) {
            return false; // nothing to list: an access token without any permission
        }
        if (p.api() != null && p.api().skipConsentForVerifiableFirstPartyClients() && p.client().isFirstParty()
                && !isLocalhost(p.request().redirectUri())) {
            return false;
        }
        var grant = users.grant(p.userId(), p.client().clientId(), p.grantAudience(issuer.userinfoAudience()));
        return grant.isEmpty() || !grant.get().scope().containsAll(p.scopes());
    }

    /** Issues what the response type asks for and delivers it through the response mode. */
    void complete(HttpServletResponse resp, Pending p, User user) throws IOException {
        pending.remove(p.tx());
        var r = p.request();
        var auth = new UserAuthorization(p.client(), user, p.api(), p.scopes(), r.nonce(), p.sid(), p.authTime());
        var fields = new LinkedHashMap<String, String>();
        String code = null;
        if (p.responseType().code()) {
            code = codes.issue(auth, r.redirectUri(), r.codeChallenge());
            fields.put("code", code);
        }
        String accessToken = null;
        if (p.responseType().token()) {
            int lifetime = p.api() == null ? 7200 : p.api().tokenLifetimeForWeb();
            accessToken = issuer.userAccessToken(auth, Duration.ofSeconds(lifetime));
            fields.put("access_token", accessToken);
            if (!ScopeList.parse(r.scope()).equals(p.scopes())) {
                fields.put("scope", Scopes.format(p.scopes()));
            }
            fields.put("expires_in", Integer.toString(lifetime));
            fields.put("token_type", "Bearer");
        }
        if (r.state() != null) {
            fields.put("state", r.state());
        }
        if (p.responseType().idToken()) {
            fields.put("id_token", issuer.idToken(auth, accessToken, code));
        }
        AuthorizationResponse.send(resp, p.client(), r.redirectUri(), p.responseMode(), fields);
    }

    void fail(HttpServletResponse resp, Pending p, OAuthError error) throws IOException {
        pending.remove(p.tx());
        AuthorizationResponse.error(resp, p.client(), p.request().redirectUri(), p.responseMode(), error,
                p.request().state());
    }

    static boolean isLocalhost(String uri) {
        try {
            var host = URI.create(uri).getHost();
            return host != null && (host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1")
                    || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
