package org.pramaan.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The triggers that keep the audit tables append-only, checked every time the database opens.
 * Anyone with the file can drop or rewrite a trigger (the hash chain and the signed checkpoints still
 * catch what they then change), but a server must not keep running without them: a missing or altered
 * trigger is recreated, an unknown trigger on an audit table (e.g. one that silently drops inserts
 * with {@code RAISE(IGNORE)}) is removed, and both are logged at WARN and reported to the caller, who
 * records them in the audit log ({@code audit.triggers_restored}).
 */
final class AppendOnlyTriggers {
    private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyTriggers.class);
    private static final List<String> TABLES = List.of("audit_log", "audit_head", "audit_checkpoint_journals");

    /** Name → definition, word for word as in the migrations (V1, V17); a test checks a fresh database restores none. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put(
                "audit_log_no_update",
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
                        + "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END");
        EXPECTED.put(
                "audit_log_no_delete",
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
                        + "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END");
        EXPECTED.put(
                "audit_head_no_delete",
                "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head\n"
                        + "BEGIN SELECT RAISE(ABORT, 'audit_head cannot be deleted'); END");
        EXPECTED.put(
                "audit_head_forward_only",
                "CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head WHEN NEW.seq <> OLD.seq + 1\n"
                        + "BEGIN SELECT RAISE(ABORT, 'audit_head only moves to the next entry'); END");
        EXPECTED.put(
                "audit_checkpoint_journals_no_delete",
                "CREATE TRIGGER audit_checkpoint_journals_no_delete BEFORE DELETE ON audit_checkpoint_journals\n"
                        + "BEGIN SELECT RAISE(ABORT, 'audit_checkpoint_journals cannot be deleted'); END");
        EXPECTED.put(
                "audit_checkpoint_journals_forward_only",
                "CREATE TRIGGER audit_checkpoint_journals_forward_only BEFORE UPDATE ON audit_checkpoint_journals "
                        + "WHEN NEW.seq < OLD.seq OR NEW.count < OLD.count\n"
                        + "BEGIN SELECT RAISE(ABORT, 'audit_checkpoint_journals only moves forward'); END");
    }

    private AppendOnlyTriggers() {}

    /** Puts every expected trigger back as defined; returns what was wrong, e.g. {@code audit_log_no_delete (missing)}. Call inside a write. */
    static List<String> restore(Connection c) throws SQLException {
        List<String> fixed = new ArrayList<>();
        Map<String, String> present = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")) {
            while (rs.next()) {
                if (EXPECTED.containsKey(rs.getString(1))
                        || TABLES.contains(rs.getString(2).toLowerCase(Locale.ROOT)))
                    present.put(rs.getString(1), rs.getString(3));
            }
        }
        for (Map.Entry<String, String> p : present.entrySet()) {
            if (!EXPECTED.containsKey(p.getKey())) {
                drop(c, p.getKey());
                fixed.add(p.getKey() + " (unexpected, removed)");
            }
        }
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            String found = present.get(e.getKey());
            if (found != null && normalise(found).equals(normalise(e.getValue()))) continue;
            if (found != null) drop(c, e.getKey());
            try (Statement s = c.createStatement()) {
                s.execute(e.getValue());
            }
            fixed.add(e.getKey() + (found == null ? " (missing)" : " (altered)"));
        }
        if (!fixed.isEmpty()) {
            LOG.warn(
                    "audit log protection was tampered with: restored append-only triggers {}; the chain and checkpoints will show whether entries changed "
                            + "(run 'pramaan audit verify')",
                    fixed);
        }
        return fixed;
    }

    private static void drop(Connection c, String name) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DROP TRIGGER IF EXISTS \"" + name.replace("\"", "\"\"") + "\"")) {
            ps.execute();
        }
    }

    /** SQLite keeps a trigger's text as written; compare ignoring runs of white space and a final semicolon. */
    static String normalise(String sql) {
        String s = sql.trim().replaceAll("\\s+", " ");
        return s.endsWith(";") ? s.substring(0, s.length() - 1).trim() : s;
    }
}
