package organizer.auth.authorize;

import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import organizer.auth.session.Sessions;
import organizer.auth.tenant.TenantStore;
import organizer.auth.tenant.UserStore;
import organizer.auth.token.AuthorizationCodes;
import organizer.auth.token.TokenIssuer;

/** Builds the interactive endpoints, which share the pending requests and the brute-force counter. */
public final class AuthorizeRoutes {
    private AuthorizeRoutes() {
    }

    /** Path → servlet, for the server's route table. */
    public static Map<String, HttpServlet> of(TenantStore tenant, UserStore users, Sessions sessions,
                                              TokenIssuer issuer, AuthorizationCodes codes, Clock clock) {
        var flow = new AuthorizeFlow(tenant, users, new PendingAuthorizations(clock), issuer, codes);
        var guard = new BruteForceGuard(clock);
        var routes = new LinkedHashMap<String, HttpServlet>();
        routes.put("/authorize", new AuthorizeServlet(tenant, sessions, flow, clock));
        routes.put("/u/login", new LoginServlet(users, sessions, flow, guard, false));
        routes.put("/u/signup", new LoginServlet(users, sessions, flow, guard, true));
        routes.put("/u/consent", new ConsentServlet(users, sessions, flow));
        return routes;
    }
}
