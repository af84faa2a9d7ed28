package organizer.auth.tenant;

import java.util.List;
import java.util.stream.Stream;

/** The built-in "Auth0 Management API": audience {@code <issuer>api/v2/} and Auth0's scope names. */
public final class ManagementApi {
    public static final List<String> SCOPES = Stream.of("users", "clients", "resource_servers", "client_grants")
            .flatMap(thing -> Stream.of("read:", "create:", "update:", "delete:").map(verb -> verb + thing))
            .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
                list.add("read:grants");
                list.add("delete:grants");
                list.add("read:signing_keys");
                list.add("create:signing_keys");
                return List.copyOf(list);
            }));

    private ManagementApi() {
    }

    public static String audience(String issuer) {
        return issuer + "api/v2/";
    }

    static ResourceServer resourceServer(String issuer) {
        var scopes = SCOPES.stream().map(s -> new ResourceServer.Scope(s, s.replace(':', ' ').replace('_', ' ')))
                .toList();
        return new ResourceServer("management-api", "Auth0 Management API", audience(issuer), scopes, "RS256",
                86400, 7200, false, "access_token", false, false);
    }
}
