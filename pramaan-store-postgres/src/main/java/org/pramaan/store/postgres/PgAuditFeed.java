package org.pramaan.store.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditFeed;

/**
 * The audit log relayed as events on PostgreSQL (issue 15). {@link PgAuditStore} numbers entries under an advisory
 * lock held until the appending transaction commits, so a reader sees a gap-free prefix of the log: everything after
 * the recorded position is committed and in commit order. The relay takes a transaction-scoped advisory lock per feed
 * (another node's relay skips its turn), publishes, and moves the position in that transaction.
 */
final class PgAuditFeed implements AuditFeed {
    /** The advisory-lock class of audit feed relays, distinct from the migration, chain and bank-outbox locks. */
    static final int RELAY_LOCK = 0x5072_6d04;

    private final PostgresDatabase db;

    PgAuditFeed(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public int relay(String feed, int max, Publisher publisher) throws Exception {
        try {
            return db.writeAside(
                    c -> { // not under the unit lock: publish waits on the broker
                        try (PreparedStatement ps =
                                c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, hashtext(?))")) {
                            ps.setInt(1, RELAY_LOCK);
                            ps.setString(2, feed);
                            try (ResultSet rs = ps.executeQuery()) {
                                if (!rs.next() || !rs.getBoolean(1)) return 0; // another node relays this feed now
                            }
                        }
                        long from = position(c, feed);
                        List<AuditEntry> entries = new ArrayList<>();
                        try (PreparedStatement ps = c.prepareStatement("SELECT " + PgAuditStore.COLUMNS
                                + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
                            ps.setLong(1, from);
                            ps.setInt(2, max);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) entries.add(PgAuditStore.entry(rs));
                            }
                        }
                        if (entries.isEmpty()) return 0;
                        try {
                            publisher.publish(entries);
                        } catch (Exception e) {
                            throw new RelayFailed(e); // rolls the unit back: the position stays
                        }
                        try (PreparedStatement ps =
                                c.prepareStatement("INSERT INTO audit_feed_positions(feed, seq) VALUES (?, ?)"
                                        + " ON CONFLICT (feed) DO UPDATE SET seq = excluded.seq")) {
                            ps.setString(1, feed);
                            ps.setLong(2, entries.get(entries.size() - 1).seq());
                            ps.executeUpdate();
                        }
                        return entries.size();
                    });
        } catch (RelayFailed e) {
            throw (Exception) e.getCause();
        }
    }

    private static long position(java.sql.Connection c, String feed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM audit_feed_positions WHERE feed = ?")) {
            ps.setString(1, feed);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public long pending(String feed) {
        return db.read(c -> {
            long from = position(c, feed);
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE seq > " + from)) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Carries the publisher's failure out through the unit of work, which rolls back on it. */
    private static final class RelayFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RelayFailed(Exception cause) {
            super(cause);
        }
    }
}
