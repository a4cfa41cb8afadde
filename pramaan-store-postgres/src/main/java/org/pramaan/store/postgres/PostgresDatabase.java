package org.pramaan.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.tx.UnitOfWork;

/**
 * One PostgreSQL database (or schema, by the URL's {@code currentSchema}), shared by every node of a
 * scaled deployment. Unlike the embedded store there is no process-wide lock: each thread's unit of
 * work has its own connection and transaction, and PostgreSQL's row locks and constraints serialise
 * what several threads or nodes write at once.
 */
public final class PostgresDatabase implements AutoCloseable, org.pramaan.store.jdbc.Sql {
    /** The transaction a thread has open: its connection, nesting depth and after-commit hooks. */
    private static final class Tx {
        final Connection connection;
        int depth;
        final List<Runnable> hooks = new ArrayList<>();
        /** Row versions read in this transaction ({@link #readVersion}), for optimistic checks when they are saved. */
        final java.util.Map<String, Long> versions = new java.util.HashMap<>();

        Tx(Connection connection) {
            this.connection = connection;
        }
    }

    private final HikariDataSource pool;
    private final String where;
    /** Per database: a thread's open unit of work in one store never captures another store's work. */
    private final ThreadLocal<Tx> open = new ThreadLocal<>();

    /**
     * One unit of work at a time on this node, as in the embedded store. Use cases take this first, then their own
     * monitors (the audit log's, the case service's), then database locks: were two units of one node open at once,
     * one could wait on a row the other holds while holding a monitor the other needs next, a deadlock PostgreSQL
     * cannot see. Across nodes only database locks are shared, and PostgreSQL detects and breaks cycles of those.
     * Hooks run under it too, so in-memory mirrors change in commit order (UnitOfWork).
     */
    private final java.util.concurrent.locks.ReentrantLock unitLock = new java.util.concurrent.locks.ReentrantLock();

    private PostgresDatabase(HikariDataSource pool, String where) {
        this.pool = pool;
        this.where = where;
    }

    /**
     * Connects, checks the server answers, and brings the schema up to date (under an advisory lock, so nodes
     * starting together do not race).
     *
     * @throws PostgresUnavailableException naming the host and port, the user or the database that was wrong
     */
    public static PostgresDatabase open(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setPoolName("pramaan-postgres");
        // Fail at start-up, not at the first request: the pool's first connection is made here.
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.addDataSourceProperty(
                "connectTimeout", Math.max(1, settings.connectTimeout().toSeconds()));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw PostgresUnavailableException.from(settings, e);
        }
        PostgresDatabase db = new PostgresDatabase(pool, settings.describe());
        try {
            Migrations.apply(db);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Runs {@code work} on this thread's open transaction, or on a connection of its own in auto-commit. */
    public <T> T read(Work<T> work) {
        Tx tx = open.get();
        if (tx != null) return call(work, tx.connection);
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failed("read", e);
        }
    }

    /** Whether this thread has a unit of work open on this database. */
    boolean inTransaction() {
        return open.get() != null;
    }

    /** Runs {@code work} in a transaction: all of it is stored or none. Called inside another write, it joins that one. */
    public <T> T write(Work<T> work) {
        Tx joined = open.get();
        if (joined != null) {
            joined.depth++;
            try {
                return call(work, joined.connection);
            } finally {
                joined.depth--;
            }
        }
        unitLock.lock();
        try {
            Tx tx;
            try {
                Connection c = pool.getConnection();
                tx = new Tx(c);
                c.setAutoCommit(false);
            } catch (SQLException e) {
                throw failed("connect", e);
            }
            open.set(tx);
            tx.depth = 1;
            T result;
            try {
                result = call(work, tx.connection);
                tx.connection.commit();
            } catch (SQLException e) {
                rollback(tx);
                throw failed("commit", e);
            } catch (RuntimeException | Error e) {
                rollback(tx);
                throw e;
            } finally {
                open.remove();
                release(tx);
            }
            UnitOfWork.runHooks(List.copyOf(tx.hooks));
            return result;
        } finally {
            unitLock.unlock();
        }
    }

    /**
     * Runs {@code work} in a transaction of its own, without the node's unit lock: for the outbox and audit-feed
     * relays, which wait on a broker in the middle of their transaction. Under the unit lock a broker outage stalled
     * every write of the node, each relay attempt holding it for the producer's whole metadata wait (KafkaBankFeedTest
     * caught intake waiting 11 minutes, 2026-12-05). Such work touches no in-memory state and takes no monitor, only
     * database locks, whose cycles PostgreSQL detects, so it cannot deadlock with a unit as the lock's comment fears.
     *
     * @throws IllegalStateException when called inside a unit of work (it would not join it)
     */
    public <T> T writeAside(Work<T> work) {
        if (open.get() != null) throw new IllegalStateException("writeAside inside a unit of work would not join it");
        Tx tx;
        try {
            Connection c = pool.getConnection();
            tx = new Tx(c);
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw failed("connect", e);
        }
        try {
            T result = call(work, tx.connection);
            tx.connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(tx);
            throw failed("commit", e);
        } catch (RuntimeException | Error e) {
            rollback(tx);
            throw e;
        } finally {
            release(tx);
        }
    }

    /** Remembers that this thread's transaction read {@code key} at {@code version}; nothing outside a transaction. */
    void readVersion(String key, long version) {
        Tx tx = open.get();
        if (tx != null) tx.versions.put(key, version);
    }

    /** The version of {@code key} this thread's transaction read, if it read it. */
    Optional<Long> versionRead(String key) {
        Tx tx = open.get();
        return tx == null ? Optional.empty() : Optional.ofNullable(tx.versions.get(key));
    }

    private <T> T call(Work<T> work, Connection c) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw failed("statement", e);
        }
    }

    private static void rollback(Tx tx) {
        tx.hooks.clear(); // a rolled-back unit's memory changes never happen
        try {
            tx.connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; closing it below discards the transaction too.
        }
    }

    private static void release(Tx tx) {
        try {
            tx.connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The pool checks and replaces a broken connection.
        }
        try {
            tx.connection.close();
        } catch (SQLException ignored) {
            // Returned to the pool or already closed.
        }
    }

    private PostgresStoreException failed(String what, SQLException e) {
        return new PostgresStoreException(
                "PostgreSQL " + what + " failed on " + where + ": " + e.getMessage() + " (SQLState " + e.getSQLState()
                        + ")",
                e);
    }

    /** A unit of work over this database: every repository write inside it commits together. */
    public UnitOfWork unitOfWork() {
        return new UnitOfWork() {
            @Override
            public <T> T run(java.util.function.Supplier<T> work) {
                return write(c -> work.get());
            }

            @Override
            public void afterCommit(Runnable hook) {
                PostgresDatabase.this.afterCommit(hook);
            }
        };
    }

    /** Runs {@code hook} after this thread's transaction commits (dropped on rollback); at once when none is open. */
    public void afterCommit(Runnable hook) {
        Tx tx = open.get();
        if (tx != null) tx.hooks.add(hook);
        else hook.run();
    }

    /** Every row of a query, in order. */
    public <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(mapper.map(rs));
                }
                return out;
            }
        });
    }

    /** The first row of a query, if any. */
    public <T> Optional<T> first(String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = list(sql + " LIMIT 1", binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** One statement that changes rows, in a transaction of its own or the caller's; returns the count. */
    public int update(String sql, Binder binder) {
        return write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    /** Where this database is, for messages: host, port and database, never the password. */
    public String where() {
        return where;
    }

    @Override
    public void close() {
        pool.close();
    }
}
