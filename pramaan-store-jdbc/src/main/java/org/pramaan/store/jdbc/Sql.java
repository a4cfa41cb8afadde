package org.pramaan.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * JDBC access as both store adapters offer it: writes join the calling thread's unit of work when one is open
 * (else run in their own transaction), reads see it. Repositories whose SQL is the same on SQLite and PostgreSQL are
 * written once against this.
 */
public interface Sql {
    /** Work that needs the connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Maps the current row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs {@code work} in the unit of work open on this thread, or in a transaction of its own. */
    <T> T write(Work<T> work);

    /** Every row of a query, in order. */
    <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper);

    /** The first row of a query, if any. */
    <T> Optional<T> first(String sql, Binder binder, RowMapper<T> mapper);
}
