package org.pramaan.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/** Small statement helpers shared by the repositories. */
final class PgSql {
    private PgSql() {}

    /**
     * Inserts a row whose JSON carries the id the database assigns: the id is drawn from the column's identity
     * sequence first, so the row goes in once, complete. Call inside {@link PostgresDatabase#write}.
     */
    static <T> T insertWithId(
            Connection c, String table, List<String> columns, List<Object> values, LongFunction<T> withId)
            throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval(pg_get_serial_sequence(?, 'id'))")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        T stored = withId.apply(id);
        String cols = String.join(", ", columns);
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO " + table + "(id, " + cols + ", json) VALUES (?, " + marks + ", ?)")) {
            ps.setLong(1, id);
            for (int i = 0; i < values.size(); i++) ps.setObject(i + 2, values.get(i));
            ps.setString(values.size() + 2, org.pramaan.json.Json.write(stored));
            ps.executeUpdate();
        }
        return stored;
    }

    static void setMillis(PreparedStatement ps, int i, Optional<Instant> t) throws SQLException {
        if (t.isPresent()) ps.setLong(i, millis(t.get()));
        else ps.setNull(i, Types.BIGINT);
    }

    /** Floor epoch milliseconds, saturating beyond the {@code long} range. */
    static long millis(Instant t) {
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException e) {
            return t.getEpochSecond() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }
}
