package organizer.auth.authorize;

import java.time.Instant;
import java.util.List;
import organizer.auth.tenant.Client;
import organizer.auth.tenant.ResourceServer;

/**
 * An authorization request waiting for the user, kept server-side behind the transaction id {@code tx}: forms
 * carry only {@code tx} and the CSRF token, never the request's parameters. {@code device} is the browser cookie it
 * is bound to, {@code userId} the user once known.
 */
record Pending(String tx, String csrf, String device, AuthorizeRequest request, ResponseType responseType,
               String responseMode, Client client, ResourceServer api, List<String> scopes, Instant createdAt,
               String userId, String sid, Instant authTime) {

    Pending withUser(String newUserId, String newSid, Instant newAuthTime) {
        return new Pending(tx, csrf, device, request, responseType, responseMode, client, api, scopes, createdAt,
                newUserId, newSid, newAuthTime);
    }

    /** The audience a consent is remembered for: the API, or {@code /userinfo} when none was asked for. */
    String grantAudience(String userinfoAudience) {
        return api == null ? userinfoAudience : api.identifier();
    }
}
