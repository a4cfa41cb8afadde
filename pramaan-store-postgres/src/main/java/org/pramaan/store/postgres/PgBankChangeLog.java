package org.pramaan.store.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.banks.BankChangeLog;

/**
 * The bank outbox on PostgreSQL (issue 15): rows written by {@link PgHashBankRepository} in each bank write's own
 * transaction, relayed by one node at a time. The relay takes a transaction-scoped advisory lock (another node's relay
 * skips its turn rather than waiting), reads the oldest unpublished rows, publishes them and marks them in the same
 * transaction: a crash before the commit publishes them again (at least once), never loses them, and two relays never
 * interleave stale and fresh streams. While it publishes it holds this node's write unit, so batches stay small.
 */
final class PgBankChangeLog implements BankChangeLog {
    /** The advisory-lock class of the relay, distinct from the migration and audit locks. */
    static final int RELAY_LOCK = 0x5072_6d03;

    private final PostgresDatabase db;

    PgBankChangeLog(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public int relay(int max, Publisher publisher) throws Exception {
        try {
            return db.writeAside(
                    c -> { // not under the unit lock: publish waits on the broker
                        try (Statement s = c.createStatement();
                                ResultSet rs =
                                        s.executeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ", 0)")) {
                            if (!rs.next() || !rs.getBoolean(1)) return 0; // another node is relaying now
                        }
                        List<Change> rows = new ArrayList<>();
                        try (PreparedStatement ps = c.prepareStatement("SELECT seq, bank, op, payload FROM bank_outbox"
                                + " WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
                            ps.setInt(1, max);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next())
                                    rows.add(new Change(
                                            rs.getLong(1),
                                            rs.getString(2),
                                            Op.valueOf(rs.getString(3)),
                                            rs.getString(4)));
                            }
                        }
                        if (rows.isEmpty()) {
                            try (Statement s = c.createStatement()) {
                                s.executeUpdate(
                                        "DELETE FROM bank_outbox WHERE published_at < now() - interval '1 day'");
                            }
                            return 0;
                        }
                        try {
                            publisher.publish(rows);
                        } catch (Exception e) {
                            throw new RelayFailed(e); // rolls the unit back: the rows stay unpublished
                        }
                        try (PreparedStatement ps =
                                c.prepareStatement("UPDATE bank_outbox SET published_at = now() WHERE seq = ANY (?)")) {
                            ps.setArray(
                                    1,
                                    c.createArrayOf(
                                            "bigint",
                                            rows.stream().map(Change::seq).toArray()));
                            ps.executeUpdate();
                        }
                        return rows.size();
                    });
        } catch (RelayFailed e) {
            throw (Exception) e.getCause();
        }
    }

    @Override
    public long pending() {
        return db.first("SELECT count(*) FROM bank_outbox WHERE published_at IS NULL", ps -> {}, rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** Carries the publisher's failure out through the unit of work, which rolls back on it. */
    private static final class RelayFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RelayFailed(Exception cause) {
            super(cause);
        }
    }
}
