package org.pramaan.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.audit.AuditEntry;

/**
 * What an attacker with write access to the SQLite file can do to the audit log: drop the
 * append-only triggers, rewrite one entry and re-chain every later entry and the head, so the chain
 * alone looks whole. Tests use it to show that only the signed checkpoints catch this (issue 11 defect 7).
 */
public final class AuditTamper {
    private AuditTamper() {}

    /** Replaces the details of entry {@code seq} with {@code forgedDetails} and recomputes every hash after it and the head's. */
    public static void rewriteConsistently(Path databaseFile, long seq, String forgedDetails) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + databaseFile)) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER audit_log_no_update");
                s.execute("DROP TRIGGER audit_head_forward_only");
            }
            List<AuditEntry> rows = new ArrayList<>();
            try (ResultSet rs = c.createStatement()
                    .executeQuery(
                            "SELECT seq, at, type, subject, details, prev_hash, hash FROM audit_log ORDER BY seq")) {
                while (rs.next())
                    rows.add(new AuditEntry(
                            rs.getLong(1),
                            Instant.parse(rs.getString(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7)));
            }
            String prev = AuditEntry.GENESIS;
            for (AuditEntry e : rows) {
                String details = e.seq() == seq ? forgedDetails : e.details();
                String hash = new AuditEntry(e.seq(), e.at(), e.type(), e.subject(), details, prev, "").expectedHash();
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?")) {
                    ps.setString(1, details);
                    ps.setString(2, prev);
                    ps.setString(3, hash);
                    ps.setLong(4, e.seq());
                    ps.executeUpdate();
                }
                prev = hash;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET hash = ?")) {
                ps.setString(1, prev);
                ps.executeUpdate();
            }
        }
    }
}
