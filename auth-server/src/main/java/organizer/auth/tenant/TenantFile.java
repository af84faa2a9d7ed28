package organizer.auth.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import organizer.common.json.Json;

/**
 * A tenant as a JSON file in Auth0 Management API field names, the shape auth0-deploy-cli exports:
 * {@code tenant} (settings), {@code clients}, {@code resource_servers}, {@code connections}, {@code users} and
 * {@code client_grants}. The keyword {@code ##ISSUER##} is replaced by the server's issuer (deploy-cli's keyword
 * replacement), so a file can name the Management API audience {@code ##ISSUER##api/v2/}.
 */
public record TenantFile(TenantSettings tenant, List<Client> clients, List<ResourceServer> resourceServers,
                         List<Connection> connections, List<SeedUser> users, List<ClientGrant> clientGrants) {

    /** A user to create on first start; {@code password} in clear here only, hashed before it is stored. */
    public record SeedUser(String email, String password, String name, Boolean emailVerified, String connection) {
    }

    /** A tenant file that cannot be used; the message names the field. */
    public static final class InvalidTenant extends RuntimeException {
        public InvalidTenant(String message) {
            super(message, null, false, false);
        }
    }

    public static final String DATABASE_CONNECTION = "Username-Password-Authentication";

    public TenantFile {
        tenant = tenant == null ? TenantSettings.defaults() : tenant;
        clients = clients == null ? List.of() : List.copyOf(clients);
        resourceServers = resourceServers == null ? List.of() : List.copyOf(resourceServers);
        connections = connections == null || connections.isEmpty()
                ? List.of(new Connection(DATABASE_CONNECTION, "auth0")) : List.copyOf(connections);
        users = users == null ? List.of() : List.copyOf(users);
        clientGrants = clientGrants == null ? List.of() : List.copyOf(clientGrants);
    }

    /** The built-in tenant of the reference page. */
    public static TenantFile defaults(String issuer) {
        try (InputStream in = TenantFile.class.getResourceAsStream("default-tenant.json")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), issuer, "default tenant");
        } catch (IOException e) {
            throw new IllegalStateException("default tenant missing from the class path", e);
        }
    }

    public static TenantFile read(Path file, String issuer) {
        try {
            return parse(Files.readString(file), issuer, file.toString());
        } catch (IOException e) {
            throw new InvalidTenant("cannot read tenant file " + file + ": " + e.getMessage());
        }
    }

    /** Parses and checks a tenant; {@code source} names it in error messages. */
    public static TenantFile parse(String json, String issuer, String source) {
        TenantFile file;
        try {
            file = Json.MAPPER.readValue(json.replace("##ISSUER##", issuer), TenantFile.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException parse) {
                throw new InvalidTenant(source + ": not valid JSON (line " + parse.getLocation().getLineNr() + ")");
            }
            throw new InvalidTenant(source + ": invalid value at " + path(e) + ": " + e.getOriginalMessage()
                    .lines().findFirst().orElse(""));
        } catch (JsonProcessingException e) {
            throw new InvalidTenant(source + ": not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (file == null) {
            throw new InvalidTenant(source + ": empty tenant file");
        }
        file.check(source);
        return file;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private void check(String source) {
        var ids = new HashSet<String>();
        for (int i = 0; i < clients.size(); i++) {
            var c = clients.get(i);
            var at = source + ": clients[" + i + "].";
            require(c.clientId(), at + "client_id");
            require(c.name(), at + "name");
            if (!ids.add(c.clientId())) {
                throw new InvalidTenant(at + "client_id: duplicate " + c.clientId());
            }
            for (int j = 0; j < c.callbacks().size(); j++) {
                absoluteUri(c.callbacks().get(j), at + "callbacks[" + j + "]");
            }
            for (int j = 0; j < c.allowedLogoutUrls().size(); j++) {
                absoluteUri(c.allowedLogoutUrls().get(j), at + "allowed_logout_urls[" + j + "]");
            }
            if (!List.of("none", "client_secret_post", "client_secret_basic").contains(c.tokenEndpointAuthMethod())) {
                throw new InvalidTenant(at + "token_endpoint_auth_method: unsupported " + c.tokenEndpointAuthMethod());
            }
            for (var g : c.grantTypes()) {
                if (!List.of("implicit", "authorization_code", "refresh_token", "client_credentials", "password")
                        .contains(g)) {
                    throw new InvalidTenant(at + "grant_types: unsupported " + g);
                }
            }
        }
        var apis = new HashSet<String>();
        for (int i = 0; i < resourceServers.size(); i++) {
            var r = resourceServers.get(i);
            var at = source + ": resource_servers[" + i + "].";
            require(r.identifier(), at + "identifier");
            if (!apis.add(r.identifier())) {
                throw new InvalidTenant(at + "identifier: duplicate " + r.identifier());
            }
            if (!"RS256".equals(r.signingAlg())) {
                throw new InvalidTenant(at + "signing_alg: only RS256 is supported");
            }
            if (r.tokenLifetime() <= 0 || r.tokenLifetimeForWeb() <= 0) {
                throw new InvalidTenant(at + "token_lifetime: must be positive");
            }
        }
        for (int i = 0; i < clientGrants.size(); i++) {
            var g = clientGrants.get(i);
            var at = source + ": client_grants[" + i + "].";
            require(g.clientId(), at + "client_id");
            require(g.audience(), at + "audience");
            if (!ids.contains(g.clientId())) {
                throw new InvalidTenant(at + "client_id: no such client " + g.clientId());
            }
        }
        for (int i = 0; i < users.size(); i++) {
            var u = users.get(i);
            var at = source + ": users[" + i + "].";
            require(u.email(), at + "email");
            require(u.password(), at + "password");
        }
        if (tenant.sessionLifetime() <= 0 || tenant.idleSessionLifetime() <= 0) {
            throw new InvalidTenant(source + ": tenant.session_lifetime: must be positive");
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidTenant(field + ": missing");
        }
    }

    private static void absoluteUri(String value, String field) {
        try {
            var uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new InvalidTenant(field + ": not an absolute http(s) URL: " + value);
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidTenant(field + ": not a URL: " + value);
        }
    }
}
