package org.pramaan.store.postgres;

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
 * The triggers that keep the audit tables append-only (V1), checked every time the store opens, as the embedded
 * store's {@code AppendOnlyTriggers} does: a missing, disabled or altered trigger is put back, an unknown trigger on
 * an audit table is removed, a rewritten refusal function is restored; each is logged at WARN and reported
 * ({@link org.pramaan.adapters.Adapters#restoredGuards()}), and the composition root records them in the audit log.
 */
final class PostgresGuards {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresGuards.class);
    private static final List<String> TABLES = List.of("audit_log", "audit_head", "audit_checkpoint_journals");

    static final String FUNCTION =
            "CREATE OR REPLACE FUNCTION pramaan_refuse() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                    + "BEGIN\n"
                    + "    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';\n"
                    + "END\n"
                    + "$$";

    /** Name → definition as {@code pg_get_triggerdef} prints it for the V1 statement. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        row("audit_log_no_update", "UPDATE", "audit_log", "", "audit_log is append-only");
        row("audit_log_no_delete", "DELETE", "audit_log", "", "audit_log is append-only");
        EXPECTED.put(
                "audit_log_no_truncate",
                "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION "
                        + "pramaan_refuse('audit_log is append-only')");
        row("audit_head_no_delete", "DELETE", "audit_head", "", "audit_head cannot be deleted");
        row(
                "audit_head_forward_only",
                "UPDATE",
                "audit_head",
                " WHEN ((new.seq <> (old.seq + 1)))",
                "audit_head only moves to the next entry");
        row(
                "audit_checkpoint_journals_no_delete",
                "DELETE",
                "audit_checkpoint_journals",
                "",
                "audit_checkpoint_journals cannot be deleted");
        row(
                "audit_checkpoint_journals_forward_only",
                "UPDATE",
                "audit_checkpoint_journals",
                " WHEN (((new.seq < old.seq) OR (new.count < old.count)))",
                "audit_checkpoint_journals only moves forward");
    }

    private static void row(String name, String event, String table, String when, String message) {
        EXPECTED.put(
                name,
                "CREATE TRIGGER " + name + " BEFORE " + event + " ON " + table + " FOR EACH ROW" + when
                        + " EXECUTE FUNCTION pramaan_refuse('" + message + "')");
    }

    private PostgresGuards() {}

    /** Puts every guard back as defined; returns what was wrong, e.g. {@code audit_log_no_delete (missing)}. Call inside a write. */
    static List<String> restore(Connection c) throws SQLException {
        List<String> fixed = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT p.prosrc FROM pg_proc p WHERE p.proname = 'pramaan_refuse'"
                        + " AND p.pronamespace = current_schema()::regnamespace")) {
            String body = rs.next() ? rs.getString(1) : null;
            if (body == null || !body.contains("RAISE EXCEPTION '%', TG_ARGV[0]")) {
                try (Statement create = c.createStatement()) {
                    create.execute(FUNCTION);
                }
                fixed.add("pramaan_refuse " + (body == null ? "(missing)" : "(altered)"));
            }
        }
        Map<String, String> present = new LinkedHashMap<>();
        Map<String, Boolean> enabled = new LinkedHashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT t.tgname, pg_get_triggerdef(t.oid), t.tgenabled, r.relname"
                        + " FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid"
                        + " WHERE NOT t.tgisinternal AND r.relnamespace = current_schema()::regnamespace")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (EXPECTED.containsKey(name)
                            || TABLES.contains(rs.getString(4).toLowerCase(Locale.ROOT))) {
                        present.put(name, rs.getString(2));
                        enabled.put(name, !"D".equals(rs.getString(3)));
                    }
                }
            }
        }
        for (Map.Entry<String, String> p : present.entrySet()) {
            if (!EXPECTED.containsKey(p.getKey())) {
                drop(c, p.getKey(), tableOf(p.getValue()));
                fixed.add(p.getKey() + " (unexpected, removed)");
            }
        }
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            String found = present.get(e.getKey());
            boolean same = found != null && unqualified(found).equals(e.getValue());
            if (same && enabled.get(e.getKey())) continue;
            if (found != null) drop(c, e.getKey(), tableOf(e.getValue()));
            try (Statement s = c.createStatement()) {
                s.execute(e.getValue());
            }
            fixed.add(e.getKey() + (found == null ? " (missing)" : same ? " (disabled)" : " (altered)"));
        }
        if (!fixed.isEmpty()) {
            LOG.warn(
                    "audit log protection was tampered with: restored append-only guards {}; the chain and checkpoints"
                            + " will show whether entries changed (run 'pramaan audit verify')",
                    fixed);
        }
        return fixed;
    }

    /** The table a trigger definition names ({@code … ON table …}). */
    private static String tableOf(String definition) {
        String d = unqualified(definition);
        int on = d.indexOf(" ON ");
        int end = d.indexOf(' ', on + 4);
        return d.substring(on + 4, end < 0 ? d.length() : end);
    }

    /** pg_get_triggerdef qualifies the table when the schema is not on the search path; compare without it. */
    private static String unqualified(String definition) {
        int on = definition.indexOf(" ON ");
        if (on < 0) return definition;
        int end = definition.indexOf(' ', on + 4);
        if (end < 0) return definition;
        String table = definition.substring(on + 4, end);
        int dot = table.lastIndexOf('.');
        return dot < 0
                ? definition
                : definition.substring(0, on + 4) + table.substring(dot + 1) + definition.substring(end);
    }

    private static void drop(Connection c, String name, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS \"" + name.replace("\"", "\"\"") + "\" ON \""
                    + table.replace("\"", "\"\"") + "\"");
        }
    }
}
