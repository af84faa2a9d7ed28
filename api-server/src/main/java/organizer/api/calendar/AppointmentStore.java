package organizer.api.calendar;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import organizer.api.storage.Sql;
import organizer.common.domain.Appointment;

/** A user's appointments (JDBC, portable SQL). Every query is scoped to the owner: the token's {@code sub}. */
public final class AppointmentStore {
    private static final String COLUMNS = "id, title, starts_at, ends_at, location, notes";

    private final DataSource database;

    public AppointmentStore(DataSource database) {
        this.database = database;
    }

    /**
     * The owner's appointments by start time that overlap {@code [from, to)}; either bound may be null (open).
     * An appointment without an end is an instant: it overlaps when {@code from <= time < to}.
     */
    public List<Appointment> list(String owner, Instant from, Instant to) throws SQLException {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM appointment WHERE owner = ?");
        if (to != null) {
            sql.append(" AND starts_at < ?");
        }
        if (from != null) {
            sql.append(" AND (ends_at > ? OR (ends_at IS NULL AND starts_at >= ?))");
        }
        sql.append(" ORDER BY starts_at, id");
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(sql.toString())) {
            int i = 1;
            statement.setString(i++, owner);
            if (to != null) {
                Sql.setInstant(statement, i++, to);
            }
            if (from != null) {
                Sql.setInstant(statement, i++, from);
                Sql.setInstant(statement, i, from);
            }
            try (var rows = statement.executeQuery()) {
                var appointments = new ArrayList<Appointment>();
                while (rows.next()) {
                    appointments.add(read(rows));
                }
                return appointments;
            }
        }
    }

    /** The owner's appointment with this id; empty for an unknown id and for anybody else's alike. */
    public Optional<Appointment> find(String owner, String id) throws SQLException {
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM appointment WHERE id = ? AND owner = ?")) {
            statement.setString(1, id);
            statement.setString(2, owner);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Adds appointments for the owner on the caller's connection (so that seeding is one transaction). */
    static void insert(Connection connection, String owner, List<Appointment> appointments) throws SQLException {
        try (var statement = connection.prepareStatement("INSERT INTO appointment"
                + " (id, owner, title, starts_at, ends_at, location, notes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (var appointment : appointments) {
                statement.setString(1, appointment.id());
                statement.setString(2, owner);
                statement.setString(3, appointment.title());
                Sql.setInstant(statement, 4, appointment.time());
                Sql.setInstant(statement, 5, appointment.end());
                statement.setString(6, appointment.location());
                statement.setString(7, appointment.notes());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Appointment read(ResultSet rows) throws SQLException {
        return new Appointment(rows.getString("id"), rows.getString("title"), Sql.getInstant(rows, "starts_at"),
                Sql.getInstant(rows, "ends_at"), rows.getString("location"), rows.getString("notes"));
    }
}
