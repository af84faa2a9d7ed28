package organizer.api.calendar;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import organizer.api.http.JsonResponses;
import organizer.api.http.ReadOnlyServlet;
import organizer.api.security.RequireScopeFilter;
import organizer.api.storage.SampleSeeder;
import organizer.common.oauth.OAuthError;
import organizer.common.oauth.OAuthException;

/**
 * The calendar API, mapped to {@code /api/appointments/*} behind the bearer and {@code read:calendar} filters:
 * {@code GET /api/appointments[?from=&to=]} → {@code {"appointments":[…]}} (those overlapping the range; bounds are
 * ISO-8601 instants such as {@code 2026-12-04T09:00:00Z}, or dates meaning midnight UTC) and
 * {@code GET /api/appointments/{id}} → the appointment, or 404 when the caller owns none with that id.
 */
public final class AppointmentsServlet extends ReadOnlyServlet {
    private final AppointmentStore store;
    private final SampleSeeder seeder;

    /** {@code seeder} may be null: no sample data. */
    public AppointmentsServlet(AppointmentStore store, SampleSeeder seeder) {
        this.store = store;
        this.seeder = seeder;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var owner = RequireScopeFilter.subject(request);
        var path = request.getPathInfo();
        try {
            if (seeder != null) {
                seeder.ensureSeeded(owner);
            }
            if (path == null || path.equals("/")) {
                var from = instant(request, "from");
                var to = instant(request, "to");
                if (from != null && to != null && from.isAfter(to)) {
                    throw new OAuthException(OAuthError.invalidRequest("from must not be after to"));
                }
                JsonResponses.write(response, 200, Map.of("appointments", store.list(owner, from, to)));
                return;
            }
            var id = path.substring(1);
            var appointment = id.contains("/") ? null : store.find(owner, id).orElse(null);
            if (appointment == null) {
                JsonResponses.notFound(response, "No such appointment");
            } else {
                JsonResponses.write(response, 200, appointment);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("appointment store failed", e); // ErrorFilter logs it once: 500
        }
    }

    static Instant instant(HttpServletRequest request, String name) {
        var value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip().replace(' ', '+'); // an unencoded "+01:00" offset arrives as " 01:00"
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new OAuthException(OAuthError.invalidRequest(
                    name + " must be an ISO-8601 instant such as 2026-12-04T09:00:00Z, or a date such as 2026-12-04"));
        }
    }
}
