package organizer.auth.management;

import jakarta.servlet.http.HttpServlet;
import organizer.auth.keys.SigningKeys;
import organizer.auth.tenant.TenantStore;
import organizer.auth.tenant.UserStore;
import organizer.auth.token.LocalTokenVerifier;

/** Builds the Management API v2 ({@code /api/v2/*}). */
public final class ManagementRoutes {
    private ManagementRoutes() {
    }

    public static HttpServlet servlet(TenantStore tenant, UserStore users, SigningKeys keys,
                                      LocalTokenVerifier verifier, String issuer, java.time.Clock clock) {
        return new ManagementServlet(verifier, issuer + "api/v2/", new Resources(tenant, users, keys, clock));
    }
}
