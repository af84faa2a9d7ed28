package organizer.auth.tenant;

import java.util.List;
import java.util.Optional;

/** An API, in the Auth0 Management API's field names ({@code GET /api/v2/resource-servers}). */
public record ResourceServer(String id, String name, String identifier, List<Scope> scopes, String signingAlg,
                             Integer tokenLifetime, Integer tokenLifetimeForWeb, Boolean enforcePolicies,
                             String tokenDialect, Boolean skipConsentForVerifiableFirstPartyClients,
                             Boolean allowOfflineAccess) {

    /** A permission of the API and the sentence the consent page shows for it. */
    public record Scope(String value, String description) {
    }

    public ResourceServer {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        signingAlg = signingAlg == null ? "RS256" : signingAlg;
        tokenLifetime = tokenLifetime == null ? 86400 : tokenLifetime;
        tokenLifetimeForWeb = tokenLifetimeForWeb == null ? 7200 : tokenLifetimeForWeb;
        enforcePolicies = enforcePolicies != null && enforcePolicies;
        tokenDialect = tokenDialect == null ? "access_token" : tokenDialect;
        skipConsentForVerifiableFirstPartyClients = skipConsentForVerifiableFirstPartyClients != null
                && skipConsentForVerifiableFirstPartyClients;
        allowOfflineAccess = allowOfflineAccess != null && allowOfflineAccess;
    }

    public boolean defines(String scope) {
        return scopes.stream().anyMatch(s -> s.value().equals(scope));
    }

    public Optional<String> describe(String scope) {
        return scopes.stream().filter(s -> s.value().equals(scope)).map(Scope::description).findFirst();
    }

    public ResourceServer withId(String newId) {
        return new ResourceServer(newId, name, identifier, scopes, signingAlg, tokenLifetime, tokenLifetimeForWeb,
                enforcePolicies, tokenDialect, skipConsentForVerifiableFirstPartyClients, allowOfflineAccess);
    }
}
