package organizer.api.contacts;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import organizer.api.storage.Sql;
import organizer.common.domain.Contact;

/** A user's contacts (JDBC, portable SQL). Every query is scoped to the owner: the token's {@code sub}. */
public final class ContactStore {
    private static final String COLUMNS = "id, name, email, phone, company, notes";

    private final DataSource database;

    public ContactStore(DataSource database) {
        this.database = database;
    }

    /** The owner's contacts by name; with a {@code query}, those whose name, e-mail, company or phone contain it. */
    public List<Contact> list(String owner, String query) throws SQLException {
        var sql = "SELECT " + COLUMNS + " FROM contact WHERE owner = ?";
        var pattern = query == null || query.isBlank() ? null : Sql.containsPattern(query.strip().toLowerCase(Locale.ROOT));
        if (pattern != null) {
            sql += " AND (LOWER(name) LIKE ? ESCAPE '!' OR LOWER(email) LIKE ? ESCAPE '!'"
                    + " OR LOWER(company) LIKE ? ESCAPE '!' OR LOWER(phone) LIKE ? ESCAPE '!')";
        }
        sql += " ORDER BY LOWER(name), id";
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, owner);
            if (pattern != null) {
                for (int i = 2; i <= 5; i++) {
                    statement.setString(i, pattern);
                }
            }
            try (var rows = statement.executeQuery()) {
                var contacts = new ArrayList<Contact>();
                while (rows.next()) {
                    contacts.add(read(rows));
                }
                return contacts;
            }
        }
    }

    /** The owner's contact with this id; empty for an unknown id and for anybody else's contact alike. */
    public Optional<Contact> find(String owner, String id) throws SQLException {
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM contact WHERE id = ? AND owner = ?")) {
            statement.setString(1, id);
            statement.setString(2, owner);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Adds contacts for the owner on the caller's connection (so that seeding is one transaction). */
    static void insert(Connection connection, String owner, List<Contact> contacts) throws SQLException {
        try (var statement = connection.prepareStatement(
                "INSERT INTO contact (id, owner, name, email, phone, company, notes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (var contact : contacts) {
                statement.setString(1, contact.id());
                statement.setString(2, owner);
                statement.setString(3, contact.name());
                statement.setString(4, contact.email());
                statement.setString(5, contact.phone());
                statement.setString(6, contact.company());
                statement.setString(7, contact.notes());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Contact read(ResultSet rows) throws SQLException {
        return new Contact(rows.getString("id"), rows.getString("name"), rows.getString("email"),
                rows.getString("phone"), rows.getString("company"), rows.getString("notes"));
    }
}
