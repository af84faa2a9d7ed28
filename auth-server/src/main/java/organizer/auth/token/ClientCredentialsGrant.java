package organizer.auth.token;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import organizer.auth.tenant.Client;
import organizer.auth.tenant.TenantStore;
import organizer.common.domain.Scopes;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/** {@code client_credentials}: a machine's token for an API it holds a client grant for. Everything is in memory. */
final class ClientCredentialsGrant implements Grant {
    private final TenantStore tenant;
    private final TokenIssuer issuer;

    ClientCredentialsGrant(TenantStore tenant, TokenIssuer issuer) {
        this.tenant = tenant;
        this.issuer = issuer;
    }

    @Override
    public Map<String, Object> issue(Map<String, String> params, Client client) {
        if (client.isPublic() || !client.allowsGrant("client_credentials")) {
            throw new OAuthException(OAuthError.unauthorizedClient(
                    "Grant type 'client_credentials' not allowed for the client."));
        }
        var audience = params.get("audience");
        if (audience == null || audience.isEmpty()) {
            throw new OAuthException(OAuthError.accessDenied(
                    "No audience parameter was provided, and no default audience has been configured"));
        }
        var api = tenant.resourceServer(audience)
                .orElseThrow(() -> new OAuthException(OAuthError.accessDenied("Service not found: " + audience)));
        var grant = tenant.clientGrant(client.clientId(), audience).orElseThrow(() -> new VerbatimError(
                OAuthError.accessDenied("no client grant"), "Client is not authorized to access \"" + audience
                        + "\". You need to create a \"client-grant\" associated to this API."));
        List<String> scopes = grant.scope();
        if (params.containsKey("scope")) {
            var requested = ScopeList.parse(params.get("scope"));
            var missing = requested.stream().filter(s -> !grant.scope().contains(s)).toList();
            if (!missing.isEmpty()) {
                throw new OAuthException(OAuthError.accessDenied("Client has not been granted scopes: "
                        + String.join(", ", missing)));
            }
            scopes = requested;
        }
        var token = issuer.clientCredentialsToken(client.clientId(), audience, scopes,
                Duration.ofSeconds(api.tokenLifetime()));
        var body = new LinkedHashMap<String, Object>();
        body.put("access_token", token);
        body.put("scope", Scopes.format(scopes));
        body.put("expires_in", api.tokenLifetime());
        body.put("token_type", "Bearer");
        return body;
    }
}
