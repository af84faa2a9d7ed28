package organizer.auth.tenant;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import organizer.auth.db.Jdbc;
import organizer.common.json.Json;

/**
 * Clients, APIs and client grants: stored as Auth0-shaped JSON documents, read on every token request and therefore
 * held in memory and written through to the database. The Management API itself is a built-in API whose identifier
 * ({@code <issuer>api/v2/}) follows the issuer.
 */
public final class TenantStore {
    private final Jdbc jdbc;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, ResourceServer> apis = new ConcurrentHashMap<>(); // by identifier
    private final Map<String, ClientGrant> clientGrants = new ConcurrentHashMap<>(); // by id
    private volatile TenantSettings settings = TenantSettings.defaults();
    private volatile ResourceServer managementApi;

    public TenantStore(Jdbc jdbc, String issuer) {
        this.jdbc = jdbc;
        this.managementApi = ManagementApi.resourceServer(issuer);
        jdbc.query("SELECT document FROM clients", r -> Json.read(r.getString(1), Client.class))
                .forEach(c -> clients.put(c.clientId(), c));
        jdbc.query("SELECT document FROM resource_servers", r -> Json.read(r.getString(1), ResourceServer.class))
                .forEach(a -> apis.put(a.identifier(), a));
        jdbc.query("SELECT document FROM client_grants", r -> Json.read(r.getString(1), ClientGrant.class))
                .forEach(g -> clientGrants.put(g.id(), g));
    }

    /**
     * Applies a tenant file: what it lists is created or replaced (a confidential client without a secret keeps its
     * stored one or gets a new one); what was created through the Management API stays.
     */
    public void apply(TenantFile file) {
        settings = file.tenant();
        jdbc.transaction(c -> {
            for (var client : file.clients()) {
                var secret = client.clientSecret();
                if (secret == null && !client.isPublic()) {
                    secret = client(client.clientId()).map(Client::clientSecret).orElseGet(Ids::secret);
                }
                putClient(c, client.withSecret(secret));
            }
            for (var api : file.resourceServers()) {
                var id = api.id() != null ? api.id()
                        : resourceServer(api.identifier()).map(ResourceServer::id).orElseGet(() -> Ids.hex(12));
                putResourceServer(c, api.withId(id));
            }
            for (var grant : file.clientGrants()) {
                var id = grant.id() != null ? grant.id()
                        : clientGrant(grant.clientId(), grant.audience()).map(ClientGrant::id)
                                .orElseGet(() -> "cgr_" + Ids.hex(8));
                putClientGrant(c, grant.withId(id));
            }
            return null;
        });
    }

    public TenantSettings settings() {
        return settings;
    }

    // --- clients ---

    public Optional<Client> client(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    public List<Client> clients() {
        return clients.values().stream().sorted(Comparator.comparing(Client::clientId)).toList();
    }

    public Client saveClient(Client client) {
        jdbc.transaction(c -> putClient(c, client));
        return client;
    }

    public boolean deleteClient(String clientId) {
        return jdbc.transaction(c -> {
            Jdbc.update(c, "DELETE FROM client_grants WHERE client_id = ?", clientId);
            Jdbc.update(c, "DELETE FROM user_grants WHERE client_id = ?", clientId);
            clientGrants.values().removeIf(g -> g.clientId().equals(clientId));
            clients.remove(clientId);
            return Jdbc.update(c, "DELETE FROM clients WHERE client_id = ?", clientId) > 0;
        });
    }

    /** An origin any client allows for cross-origin calls ({@code web_origins} or {@code allowed_origins}). */
    public boolean isAllowedOrigin(String origin) {
        return origin != null && clients.values().stream()
                .anyMatch(c -> c.webOrigins().contains(origin) || c.allowedOrigins().contains(origin));
    }

    private Client putClient(Connection c, Client client) throws SQLException {
        var json = Json.write(client);
        if (Jdbc.update(c, "UPDATE clients SET document = ? WHERE client_id = ?", json, client.clientId()) == 0) {
            Jdbc.update(c, "INSERT INTO clients (client_id, document) VALUES (?, ?)", client.clientId(), json);
        }
        clients.put(client.clientId(), client);
        return client;
    }

    // --- resource servers ---

    /** The API with this identifier (the {@code audience} of a request), the Management API included. */
    public Optional<ResourceServer> resourceServer(String identifier) {
        if (identifier == null) {
            return Optional.empty();
        }
        if (identifier.equals(managementApi.identifier())) {
            return Optional.of(managementApi);
        }
        return Optional.ofNullable(apis.get(identifier));
    }

    public Optional<ResourceServer> resourceServerById(String id) {
        if (managementApi.id().equals(id)) {
            return Optional.of(managementApi);
        }
        return apis.values().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public List<ResourceServer> resourceServers() {
        var all = new java.util.ArrayList<ResourceServer>(apis.values());
        all.sort(Comparator.comparing(ResourceServer::identifier));
        all.add(0, managementApi);
        return all;
    }

    public ResourceServer saveResourceServer(ResourceServer api) {
        jdbc.transaction(c -> putResourceServer(c, api));
        return api;
    }

    public boolean deleteResourceServer(String id) {
        var api = apis.values().stream().filter(a -> a.id().equals(id)).findFirst();
        if (api.isEmpty()) {
            return false;
        }
        return jdbc.transaction(c -> {
            Jdbc.update(c, "DELETE FROM client_grants WHERE audience = ?", api.get().identifier());
            clientGrants.values().removeIf(g -> g.audience().equals(api.get().identifier()));
            apis.remove(api.get().identifier());
            return Jdbc.update(c, "DELETE FROM resource_servers WHERE id = ?", id) > 0;
        });
    }

    private ResourceServer putResourceServer(Connection c, ResourceServer api) throws SQLException {
        var json = Json.write(api);
        if (Jdbc.update(c, "UPDATE resource_servers SET document = ?, identifier = ? WHERE id = ?",
                json, api.identifier(), api.id()) == 0) {
            Jdbc.update(c, "INSERT INTO resource_servers (id, identifier, document) VALUES (?, ?, ?)",
                    api.id(), api.identifier(), json);
        }
        apis.values().removeIf(a -> a.id().equals(api.id()));
        apis.put(api.identifier(), api);
        return api;
    }

    // --- client grants ---

    public Optional<ClientGrant> clientGrant(String clientId, String audience) {
        return clientGrants.values().stream()
                .filter(g -> g.clientId().equals(clientId) && g.audience().equals(audience)).findFirst();
    }

    public Optional<ClientGrant> clientGrantById(String id) {
        return Optional.ofNullable(clientGrants.get(id));
    }

    public Collection<ClientGrant> clientGrants() {
        return clientGrants.values().stream().sorted(Comparator.comparing(ClientGrant::id)).toList();
    }

    public ClientGrant saveClientGrant(ClientGrant grant) {
        jdbc.transaction(c -> putClientGrant(c, grant));
        return grant;
    }

    public boolean deleteClientGrant(String id) {
        clientGrants.remove(id);
        return jdbc.update("DELETE FROM client_grants WHERE id = ?", id) > 0;
    }

    private ClientGrant putClientGrant(Connection c, ClientGrant grant) throws SQLException {
        var json = Json.write(grant);
        if (Jdbc.update(c, "UPDATE client_grants SET document = ?, client_id = ?, audience = ? WHERE id = ?",
                json, grant.clientId(), grant.audience(), grant.id()) == 0) {
            Jdbc.update(c, "INSERT INTO client_grants (id, client_id, audience, document) VALUES (?, ?, ?, ?)",
                    grant.id(), grant.clientId(), grant.audience(), json);
        }
        clientGrants.put(grant.id(), grant);
        return grant;
    }

    /** The origin ({@code scheme://host[:port]}) of a URL, as browsers compare them. */
    public static String originOf(String url) {
        var uri = URI.create(url);
        var port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + port;
    }
}
