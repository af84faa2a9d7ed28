package organizer.auth.db;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import organizer.common.db.Database;

/** Thin JDBC helpers over the pooled {@link Database}: one statement, bound parameters, rows mapped by a lambda. */
public final class Jdbc {
    /** A row mapper that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rows) throws SQLException;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A database failure, unchecked: it ends up as a logged 500 {@code server_error}. */
    public static final class Failure extends RuntimeException {
        Failure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final Database database;

    public Jdbc(Database database) {
        this.database = database;
    }

    public int update(String sql, Object... params) {
        try (var c = database.connection()) {
            return update(c, sql, params);
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    public <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (var c = database.connection()) {
            return query(c, sql, row, params);
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (var statement = c.prepareStatement(sql)) {
            bind(statement, params);
            try (var rows = statement.executeQuery()) {
                var result = new ArrayList<T>();
                while (rows.next()) {
                    result.add(row.map(rows));
                }
                return result;
            }
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        return query(sql, row, params).stream().findFirst();
    }

    public <T> T transaction(Work<T> work) {
        try (var c = database.connection()) {
            c.setAutoCommit(false);
            try {
                var result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new Failure(e);
        } catch (UncheckedIOException e) {
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
