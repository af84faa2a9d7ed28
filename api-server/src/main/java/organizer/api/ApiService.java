package organizer.api;

import organizer.common.domain.Scopes;

/** The two microservices behind the logical API {@code organize}: where each is served and what it requires. */
public enum ApiService {
    CONTACTS("contacts", "/api/contacts", Scopes.READ_CONTACTS, 3001),
    CALENDAR("calendar", "/api/appointments", Scopes.READ_CALENDAR, 3002);

    private final String id;
    private final String path;
    private final String scope;
    private final int defaultPort;

    ApiService(String id, String path, String scope, int defaultPort) {
        this.id = id;
        this.path = path;
        this.scope = scope;
        this.defaultPort = defaultPort;
    }

    /** The name on the command line ({@code --service contacts}) and of its default H2 database file. */
    public String id() {
        return id;
    }

    /** The resource path, e.g. {@code /api/contacts}. */
    public String path() {
        return path;
    }

    /** The permission its token must carry. */
    public String scope() {
        return scope;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
