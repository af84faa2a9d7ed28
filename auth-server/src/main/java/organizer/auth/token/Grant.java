package organizer.auth.token;

import java.util.Map;
import organizer.auth.tenant.Client;

/** One {@code grant_type} of the token endpoint; throws {@code OAuthException} for every refusal. */
interface Grant {
    Map<String, Object> issue(Map<String, String> params, Client client);
}
