package organizer.api.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import organizer.common.oauth.OAuthError;

/**
 * {@code GET /healthz}, without authentication: 200 {@code {"status":"ok"}} when the database answers,
 * else 503, so that a load balancer or the desktop app can wait for a server that can really serve.
 */
public final class HealthServlet extends ReadOnlyServlet {
    private final String service;
    private final DataSource database;

    public HealthServlet(String service, DataSource database) {
        this.service = service;
        this.database = database;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (var connection = database.getConnection()) {
            if (!connection.isValid(2)) {
                throw new SQLException("connection not valid");
            }
        } catch (SQLException e) {
            JsonResponses.error(response, OAuthError.temporarilyUnavailable("The database does not answer"));
            return;
        }
        JsonResponses.write(response, 200, Map.of("status", "ok", "service", service));
    }
}
