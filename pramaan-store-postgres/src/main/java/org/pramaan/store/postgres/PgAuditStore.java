package org.pramaan.store.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditStore;

final class PgAuditStore implements AuditStore {
    static final String COLUMNS = "seq, at, type, subject, details, prev_hash, hash";
    private final PostgresDatabase db;

    PgAuditStore(PostgresDatabase db) {
        this.db = db;
    }

    /** The advisory-lock class of the hash chain: one appender at a time across every node, until its unit commits. */
    private static final int CHAIN_LOCK = 0x50524d41; // "PRMA"

    /**
     * Holds the chain for this unit: the entry read as the last one stays the last until this unit commits, so the
     * next entry's sequence number and previous hash (sealed in core before {@link #append}) are right on every node.
     */
    static void lockChain(java.sql.Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ", 0)");
        }
    }

    @Override
    public void append(AuditEntry e) {
        db.write(c -> {
            lockChain(c);
            long last;
            // The head row is locked until this unit commits: appends from several nodes follow one another, and the
            // primary key on seq refuses a second entry with the same number.
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT COALESCE((SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE),"
                                    + " (SELECT MAX(seq) FROM audit_log), 0)")) {
                last = rs.next() ? rs.getLong(1) : 0;
            }
            if (e.seq() != last + 1)
                throw new IllegalStateException("audit entry " + e.seq() + " does not follow entry " + last);
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO audit_log(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, e.seq());
                ps.setString(2, e.at().toString());
                ps.setString(3, e.type());
                ps.setString(4, e.subject());
                ps.setString(5, e.details());
                ps.setString(6, e.prevHash());
                ps.setString(7, e.hash());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_head(id, seq, hash) VALUES (1, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash")) {
                ps.setLong(1, e.seq());
                ps.setString(2, e.hash());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The newest entry; inside a unit of work the chain is locked first ({@link #lockChain}). */
    @Override
    public Optional<AuditEntry> last() {
        if (db.inTransaction())
            db.read(c -> {
                lockChain(c);
                return null;
            });
        return db.first("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC", ps -> {}, PgAuditStore::entry);
    }

    @Override
    public Optional<Head> recordedHead() {
        return db.first(
                "SELECT seq, hash FROM audit_head WHERE id = 1",
                ps -> {},
                rs -> new Head(rs.getLong(1), rs.getString(2)));
    }

    @Override
    public void forEach(Consumer<AuditEntry> visitor) {
        forEachAfter(0, visitor);
    }

    @Override
    public void forEachAfter(long afterSeq, Consumer<AuditEntry> visitor) {
        // Pages of 1,000 so a long log is verified in bounded memory.
        long after = afterSeq;
        while (true) {
            long from = after;
            List<AuditEntry> page = db.list(
                    "SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1000",
                    ps -> ps.setLong(1, from),
                    PgAuditStore::entry);
            if (page.isEmpty()) return;
            page.forEach(visitor);
            after = page.get(page.size() - 1).seq();
        }
    }

    @Override
    public void recordCheckpoint(String journal, CheckpointMark m) {
        // The audit_checkpoint_journals trigger refuses a mark that moves backwards; checked here too for a message
        // that names both.
        db.write(c -> {
            Optional<CheckpointMark> now = checkpointMark(journal);
            if (now.isPresent()
                    && (m.seq() < now.get().seq() || m.count() < now.get().count())) {
                throw new IllegalStateException("checkpoint mark of journal '" + journal + "' for entry " + m.seq()
                        + " (" + m.count() + " written) is older than the recorded one for entry "
                        + now.get().seq() + " (" + now.get().count() + ")");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_checkpoint_journals(journal, seq, hash, count) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (journal) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, count = excluded.count")) {
                ps.setString(1, journal);
                ps.setLong(2, m.seq());
                ps.setString(3, m.hash());
                ps.setLong(4, m.count());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<CheckpointMark> checkpointMark(String journal) {
        return db.first(
                "SELECT seq, hash, count FROM audit_checkpoint_journals WHERE journal = ?",
                ps -> ps.setString(1, journal),
                rs -> new CheckpointMark(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    @Override
    public java.util.Map<String, CheckpointMark> checkpointMarks() {
        java.util.Map<String, CheckpointMark> out = new java.util.TreeMap<>();
        db.list(
                        "SELECT journal, seq, hash, count FROM audit_checkpoint_journals ORDER BY journal",
                        ps -> {},
                        rs -> java.util.Map.entry(
                                rs.getString(1), new CheckpointMark(rs.getLong(2), rs.getString(3), rs.getLong(4))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public List<AuditEntry> bySubject(String subject) {
        return db.list(
                "SELECT " + COLUMNS + " FROM audit_log WHERE subject = ? ORDER BY seq",
                ps -> ps.setString(1, subject),
                PgAuditStore::entry);
    }

    static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong(1),
                Instant.parse(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7));
    }
}
