package organizer.auth.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import organizer.auth.keys.SigningKeys;
import organizer.auth.tenant.Client;
import organizer.auth.tenant.ClientGrant;
import organizer.auth.tenant.Ids;
import organizer.auth.tenant.Passwords;
import organizer.auth.tenant.ResourceServer;
import organizer.auth.tenant.TenantFile;
import organizer.auth.tenant.TenantStore;
import organizer.auth.tenant.User;
import organizer.auth.tenant.UserStore;
import organizer.common.json.Json;

/** The Management API's resources, each method one path shape; Auth0's field names in and out. */
final class Resources {
    /** Marker for a 204 answer. */
    static final Object NO_CONTENT = new Object();
    private static final Set<String> USER_PATCHABLE = Set.of("email", "name", "nickname", "picture", "blocked",
            "email_verified", "password", "connection");

    private final TenantStore tenant;
    private final UserStore users;
    private final SigningKeys keys;
    private final java.time.Clock clock;

    Resources(TenantStore tenant, UserStore users, SigningKeys keys, java.time.Clock clock) {
        this.tenant = tenant;
        this.users = users;
        this.keys = keys;
        this.clock = clock;
    }

    // --- /users ---

    Object users(ManagementServlet.Call c) {
        if ("POST".equals(c.method())) {
            var email = text(c.body(), "email");
            var password = text(c.body(), "password");
            var connection = text(c.body(), "connection");
            if (connection == null) {
                throw ManagementError.badRequest("Payload validation error: 'Missing required property: connection'");
            }
            if (!TenantFile.DATABASE_CONNECTION.equals(connection)) {
                throw ManagementError.badRequest("The connection does not exist.");
            }
            if (email == null || !email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
                throw ManagementError.badRequest("Payload validation error: 'Object didn't pass validation for format "
                        + "email' on property email (The user's email).");
            }
            var problem = Passwords.problem(password);
            if (problem != null) {
                throw ManagementError.badRequest(problem);
            }
            try {
                var verified = c.body().path("email_verified").asBoolean(false);
                return users.create(email, password, text(c.body(), "name"), verified, connection);
            } catch (UserStore.UserExists e) {
                throw new ManagementError(409, "The user already exists.", "auth0_idp_error");
            }
        }
        requireGet(c);
        int page = intParam(c, "page", 0, 0, Integer.MAX_VALUE);
        int perPage = intParam(c, "per_page", 50, 1, 100);
        var list = users.page(page, perPage);
        if (!"true".equals(c.param("include_totals"))) {
            return list;
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("start", page * perPage);
        body.put("limit", perPage);
        body.put("length", list.size());
        body.put("total", users.count());
        body.put("users", list);
        return body;
    }

    Object user(ManagementServlet.Call c) {
        var existing = users.byId(c.id()).orElseThrow(() -> ManagementError.notFound("The user does not exist.",
                "inexistent_user"));
        switch (c.method()) {
            case "GET" -> {
                return existing;
            }
            case "DELETE" -> {
                users.delete(existing.userId());
                return NO_CONTENT;
            }
            case "PATCH" -> {
                c.body().fieldNames().forEachRemaining(name -> {
                    if (!USER_PATCHABLE.contains(name)) {
                        throw ManagementError.badRequest("Payload validation error: 'Additional properties not "
                                + "allowed: " + name + "'");
                    }
                });
                var password = text(c.body(), "password");
                if (password != null) {
                    var problem = Passwords.problem(password);
                    if (problem != null) {
                        throw ManagementError.badRequest(problem);
                    }
                    users.setPassword(existing.userId(), password);
                }
                var patch = c.body().deepCopy();
                patch.remove(List.of("password", "connection"));
                var merged = merge(existing, patch, User.class);
                if (!UserStore.normalize(merged.email()).equals(existing.email())
                        && users.byEmail(merged.email()).isPresent()) {
                    throw new ManagementError(409, "The specified new email already exists", "email_conflict");
                }
                var updated = new User(existing.userId(), UserStore.normalize(merged.email()), merged.emailVerified(),
                        merged.name(), merged.nickname(), merged.picture(), existing.createdAt(),
                        clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), existing.identities(), merged.blocked(), existing.loginsCount(),
                        existing.lastLogin());
                return users.update(updated);
            }
            default -> throw methodNotAllowed();
        }
    }

    // --- /clients ---

    Object clients(ManagementServlet.Call c) {
        if ("POST".equals(c.method())) {
            var body = c.body().deepCopy();
            if (text(body, "name") == null) {
                throw ManagementError.badRequest("Payload validation error: 'Missing required property: name'");
            }
            body.put("client_id", Ids.hex(16));
            body.remove("client_secret");
            var client = read(body, Client.class);
            check(client);
            return tenant.saveClient(client.isPublic() ? client : client.withSecret(Ids.secret()));
        }
        requireGet(c);
        return tenant.clients();
    }

    Object client(ManagementServlet.Call c) {
        var existing = tenant.client(c.id()).orElseThrow(() -> ManagementError.notFound("The client does not exist",
                "inexistent_client"));
        switch (c.method()) {
            case "GET" -> {
                return existing;
            }
            case "DELETE" -> {
                tenant.deleteClient(existing.clientId());
                return NO_CONTENT;
            }
            case "PATCH" -> {
                var patch = c.body().deepCopy();
                patch.remove(List.of("client_id"));
                var merged = merge(existing, patch, Client.class);
                check(merged);
                if (!merged.isPublic() && merged.clientSecret() == null) {
                    merged = merged.withSecret(Ids.secret());
                }
                return tenant.saveClient(merged);
            }
            default -> throw methodNotAllowed();
        }
    }

    private static void check(Client client) {
        try {
            TenantFile.parse(Json.write(Map.of("clients", List.of(client))), "", "client");
        } catch (TenantFile.InvalidTenant e) {
            throw ManagementError.badRequest(e.getMessage().replaceFirst("^client: clients\\[0]\\.", ""));
        }
    }

    // --- /resource-servers ---

    Object resourceServers(ManagementServlet.Call c) {
        if ("POST".equals(c.method())) {
            var body = c.body().deepCopy();
            body.put("id", Ids.hex(12));
            var api = read(body, ResourceServer.class);
            if (api.identifier() == null || api.identifier().isBlank()) {
                throw ManagementError.badRequest("Payload validation error: 'Missing required property: identifier'");
            }
            if (tenant.resourceServer(api.identifier()).isPresent()) {
                throw new ManagementError(409, "A resource server with the same identifier already exists",
                        "inexistent_resource_server".replace("inexistent", "conflict"));
            }
            checkApi(api);
            return tenant.saveResourceServer(api);
        }
        requireGet(c);
        return tenant.resourceServers();
    }

    Object resourceServer(ManagementServlet.Call c) {
        var existing = tenant.resourceServerById(c.id()).or(() -> tenant.resourceServer(c.id()))
                .orElseThrow(() -> ManagementError.notFound("The resource server does not exist",
                        "inexistent_resource_server"));
        if (!"GET".equals(c.method()) && existing.id().equals("management-api")) {
            throw new ManagementError(403, "The Management API cannot be changed", "operation_not_supported");
        }
        switch (c.method()) {
            case "GET" -> {
                return existing;
            }
            case "DELETE" -> {
                tenant.deleteResourceServer(existing.id());
                return NO_CONTENT;
            }
            case "PATCH" -> {
                var patch = c.body().deepCopy();
                patch.remove(List.of("id", "identifier"));
                var merged = merge(existing, patch, ResourceServer.class);
                checkApi(merged);
                return tenant.saveResourceServer(merged);
            }
            default -> throw methodNotAllowed();
        }
    }

    private static void checkApi(ResourceServer api) {
        if (!"RS256".equals(api.signingAlg())) {
            throw ManagementError.badRequest("signing_alg: only RS256 is supported");
        }
        if (api.tokenLifetime() <= 0 || api.tokenLifetimeForWeb() <= 0) {
            throw ManagementError.badRequest("token_lifetime: must be positive");
        }
    }

    // --- /client-grants ---

    Object clientGrants(ManagementServlet.Call c) {
        if ("POST".equals(c.method())) {
            var body = c.body().deepCopy();
            body.put("id", "cgr_" + Ids.hex(8));
            var grant = read(body, ClientGrant.class);
            if (grant.clientId() == null || tenant.client(grant.clientId()).isEmpty()) {
                throw ManagementError.notFound("The client does not exist", "inexistent_client");
            }
            if (grant.audience() == null || tenant.resourceServer(grant.audience()).isEmpty()) {
                throw ManagementError.notFound("No resource server found for audience", "inexistent_resource_server");
            }
            if (tenant.clientGrant(grant.clientId(), grant.audience()).isPresent()) {
                throw new ManagementError(409, "A client grant for this client and audience already exists",
                        "client_grant_conflict");
            }
            return tenant.saveClientGrant(grant);
        }
        requireGet(c);
        return tenant.clientGrants().stream()
                .filter(g -> c.param("client_id") == null || g.clientId().equals(c.param("client_id")))
                .filter(g -> c.param("audience") == null || g.audience().equals(c.param("audience")))
                .toList();
    }

    Object clientGrant(ManagementServlet.Call c) {
        var existing = tenant.clientGrantById(c.id()).orElseThrow(() -> ManagementError.notFound(
                "The client grant does not exist", "inexistent_client_grant"));
        switch (c.method()) {
            case "DELETE" -> {
                tenant.deleteClientGrant(existing.id());
                return NO_CONTENT;
            }
            case "PATCH" -> {
                var scope = c.body().get("scope");
                if (scope == null || !scope.isArray()) {
                    throw ManagementError.badRequest("Payload validation error: 'Missing required property: scope'");
                }
                var updated = new ClientGrant(existing.id(), existing.clientId(), existing.audience(),
                        Json.MAPPER.convertValue(scope, Json.MAPPER.getTypeFactory()
                                .constructCollectionType(List.class, String.class)));
                return tenant.saveClientGrant(updated);
            }
            default -> throw methodNotAllowed();
        }
    }

    // --- /grants (user grants) ---

    Object grants(ManagementServlet.Call c) {
        if ("DELETE".equals(c.method())) {
            if (c.id() != null) {
                if (!users.deleteGrant(c.id())) {
                    throw ManagementError.notFound("The grant does not exist", "inexistent_grant");
                }
            } else if (c.param("user_id") != null) {
                users.deleteGrants(c.param("user_id"));
            } else {
                throw ManagementError.badRequest("Give a grant id or user_id");
            }
            return NO_CONTENT;
        }
        requireGet(c);
        return users.grants(c.param("user_id"), c.param("client_id"), c.param("audience"));
    }

    // --- /keys/signing ---

    Object signingKeys(ManagementServlet.Call c) {
        var rest = String.join("/", c.path());
        if ("POST".equals(c.method()) && "keys/signing/rotate".equals(rest)) {
            return Map.of("kid", keys.rotate().kid());
        }
        if ("GET".equals(c.method()) && "keys/signing".equals(rest)) {
            var current = keys.current().kid();
            return keys.published().stream().map(k -> {
                var m = new LinkedHashMap<String, Object>();
                m.put("kid", k.kid());
                m.put("current", k.kid().equals(current));
                m.put("revoked", k.retiredAt() != null);
                if (k.retiredAt() != null) {
                    m.put("revoked_at", k.retiredAt().toString());
                }
                return m;
            }).toList();
        }
        throw ManagementError.notFound("Not Found", "inexistent_path");
    }

    // --- helpers ---

    private static <T> T merge(T existing, ObjectNode patch, Class<T> type) {
        var node = (ObjectNode) Json.MAPPER.valueToTree(existing);
        node.setAll(patch);
        return read(node, type);
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (Exception e) {
            throw ManagementError.badRequest("Payload validation error: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String text(JsonNode body, String field) {
        var value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static int intParam(ManagementServlet.Call c, String name, int fallback, int min, int max) {
        var raw = c.param(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ManagementError(400, "Query validation error: '" + name + "' is out of range", "invalid_query_string");
        }
    }

    private static void requireGet(ManagementServlet.Call c) {
        if (!"GET".equals(c.method())) {
            throw methodNotAllowed();
        }
    }

    private static ManagementError methodNotAllowed() {
        return new ManagementError(405, "Method not allowed", "method_not_allowed");
    }
}
