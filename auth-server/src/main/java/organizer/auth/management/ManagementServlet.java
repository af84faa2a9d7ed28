package organizer.auth.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Set;
import organizer.auth.token.LocalTokenVerifier;
import organizer.auth.web.JsonResponses;
import organizer.common.domain.Scopes;
import organizer.common.json.Json;

/**
 * {@code /api/v2/*}: checks the bearer token (audience {@code <issuer>api/v2/}) and the Auth0 scope of the
 * operation, then hands the request to {@link Resources}. One explicit route table in {@link #route}.
 */
final class ManagementServlet extends HttpServlet {
    private static final int MAX_BODY = 64 * 1024;

    private final LocalTokenVerifier verifier;
    private final String audience;
    private final Resources resources;

    ManagementServlet(LocalTokenVerifier verifier, String audience, Resources resources) {
        this.verifier = verifier;
        this.audience = audience;
        this.resources = resources;
    }

    /** A parsed call: method, path segments after {@code /api/v2/}, query, body. */
    record Call(String method, String[] path, HttpServletRequest req, ObjectNode body) {
        String param(String name) {
            return req.getParameter(name);
        }

        String id() {
            return path.length > 1 ? path[1] : null;
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            var scopes = authenticate(req);
            var info = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
            var call = new Call(req.getMethod(), info.split("/"), req, body(req));
            var result = route(call, scopes);
            if (result == Resources.NO_CONTENT) {
                resp.setStatus(204);
                return;
            }
            JsonResponses.send(resp, "POST".equals(call.method()) && !"keys".equals(call.path()[0]) ? 201 : 200,
                    result);
        } catch (ManagementError e) {
            var body = new LinkedHashMap<String, Object>();
            body.put("statusCode", e.statusCode);
            body.put("error", e.error());
            body.put("message", e.getMessage());
            body.put("errorCode", e.errorCode);
            if (e.statusCode == 401) {
                resp.setHeader("WWW-Authenticate", "Bearer realm=\"api/v2\"");
            }
            JsonResponses.send(resp, e.statusCode, body);
        }
    }

    private Object route(Call c, Set<String> scopes) {
        var thing = c.path()[0];
        var m = c.method();
        var one = c.path().length == 2;
        if (c.path().length > 3) {
            throw ManagementError.notFound("Not Found", "inexistent_path");
        }
        switch (thing) {
            case "users" -> {
                need(scopes, scopeFor(m, "users"));
                return one ? resources.user(c) : resources.users(c);
            }
            case "clients" -> {
                need(scopes, scopeFor(m, "clients"));
                return one ? resources.client(c) : resources.clients(c);
            }
            case "resource-servers" -> {
                need(scopes, scopeFor(m, "resource_servers"));
                return one ? resources.resourceServer(c) : resources.resourceServers(c);
            }
            case "client-grants" -> {
                need(scopes, scopeFor(m, "client_grants"));
                return one ? resources.clientGrant(c) : resources.clientGrants(c);
            }
            case "grants" -> {
                need(scopes, "GET".equals(m) ? "read:grants" : "delete:grants");
                return resources.grants(c);
            }
            case "keys" -> {
                need(scopes, "GET".equals(m) ? "read:signing_keys" : "create:signing_keys");
                return resources.signingKeys(c);
            }
            default -> throw ManagementError.notFound("Not Found", "inexistent_path");
        }
    }

    private static String scopeFor(String method, String thing) {
        return switch (method) {
            case "GET" -> "read:";
            case "POST" -> "create:";
            case "PATCH", "PUT" -> "update:";
            case "DELETE" -> "delete:";
            default -> throw new ManagementError(405, "Method not allowed", "method_not_allowed");
        } + thing;
    }

    private static void need(Set<String> scopes, String scope) {
        if (!scopes.contains(scope)) {
            throw new ManagementError(403, "Insufficient scope, expected any of: " + scope, "insufficient_scope");
        }
    }

    private Set<String> authenticate(HttpServletRequest req) {
        var header = req.getHeader("Authorization");
        if (header == null) {
            throw new ManagementError(401, "Missing authentication", "missing_authentication");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ManagementError(401, "Bad HTTP authentication header format", "invalid_authentication");
        }
        var jwt = verifier.verify(header.substring(7).trim(), audience)
                .orElseThrow(() -> new ManagementError(401, "Invalid token", "invalid_token"));
        return Scopes.parse(jwt.getClaim("scope").asString());
    }

    private static ObjectNode body(HttpServletRequest req) throws IOException {
        if (!("POST".equals(req.getMethod()) || "PATCH".equals(req.getMethod()) || "PUT".equals(req.getMethod()))) {
            return Json.MAPPER.createObjectNode();
        }
        var bytes = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw ManagementError.badRequest("Payload too large");
        }
        if (bytes.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw ManagementError.badRequest("Invalid request payload JSON format");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ManagementError.badRequest("Payload validation error: 'Expected type object'");
        }
        return object;
    }
}
