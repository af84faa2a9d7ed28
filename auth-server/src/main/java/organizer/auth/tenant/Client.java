package organizer.auth.tenant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/** An application, in the Auth0 Management API's field names ({@code GET /api/v2/clients}). */
public record Client(String clientId, String clientSecret, String name, String appType, List<String> callbacks,
                     List<String> allowedLogoutUrls, List<String> webOrigins, List<String> allowedOrigins,
                     List<String> grantTypes, String tokenEndpointAuthMethod, Boolean isFirstParty) {

    public Client {
        callbacks = list(callbacks);
        allowedLogoutUrls = list(allowedLogoutUrls);
        webOrigins = list(webOrigins);
        allowedOrigins = list(allowedOrigins);
        grantTypes = list(grantTypes);
        if (tokenEndpointAuthMethod == null) {
            tokenEndpointAuthMethod = "spa".equals(appType) || "native".equals(appType) ? "none" : "client_secret_post";
        }
        if (isFirstParty == null) {
            isFirstParty = Boolean.TRUE;
        }
    }

    /** A public client (SPA, native) authenticates with its {@code client_id} only. */
    @JsonIgnore
    public boolean isPublic() {
        return "none".equals(tokenEndpointAuthMethod);
    }

    public boolean allowsGrant(String grantType) {
        return grantTypes.contains(grantType);
    }

    /** Exact comparison, as Auth0 does without wildcards: no prefix, case or trailing-slash leniency. */
    public boolean hasCallback(String redirectUri) {
        return redirectUri != null && callbacks.contains(redirectUri);
    }

    public boolean hasWebOrigin(String origin) {
        return origin != null && webOrigins.contains(origin);
    }

    public Client withSecret(String secret) {
        return new Client(clientId, secret, name, appType, callbacks, allowedLogoutUrls, webOrigins, allowedOrigins,
                grantTypes, tokenEndpointAuthMethod, isFirstParty);
    }

    /** The view without the secret (logs, public listings). */
    public Client withoutSecret() {
        return withSecret(null);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values.stream().filter(Objects::nonNull).toList());
    }
}
