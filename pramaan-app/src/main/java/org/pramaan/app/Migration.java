package org.pramaan.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.pramaan.adapters.AdapterRegistry;
import org.pramaan.adapters.Adapters;

/**
 * {@code pramaan migrate --from sqlite:DIR} (issue 15): copies an embedded installation (its SQLite file and its
 * {@code blobs/}) into the configured scaled one ({@code store=postgres}, blobs local or {@code blobs=s3}), then
 * verifies it: row counts per table, every blob's SHA-256 read back from the target, and the audit chain (the target's
 * chain verifies and ends at the source's head).
 *
 * <p>Rows are copied table by table as stored, not through the repositories: the audit log's entries must stay
 * byte-identical for their hashes to verify, and a raw copy of identical schemas is the only mapping that cannot
 * drift from the adapters'. Each value is bound as text and cast to the PostgreSQL column's type (bytes as bytes);
 * ids keep their values ({@code OVERRIDING SYSTEM VALUE}) and the sequences are moved past them. Every insert is
 * {@code ON CONFLICT DO NOTHING}, so a run killed halfway and started again with {@code --resume} finishes with exact
 * counts. The source is opened read-only and held by its data-directory lock for the whole run, so no server writes
 * to it meanwhile; it is never modified.
 */
final class Migration {
    /**
     * Tables of one installation's own state that a scaled deployment keeps per node or rebuilds. {@code
     * likeness_revision} is a change marker, not data: the target's schema creates its row, and the copied
     * protected persons move it through the target's own triggers (issue 16).
     */
    static final List<String> SKIPPED = List.of("schema_version", "nodes", "sqlite_sequence", "likeness_revision");

    static final int BATCH = 500;

    record TableCount(String table, long source, long target) {}

    record Result(List<TableCount> counts, long blobs, String head) {}

    private final Path source;
    private final PramaanConfig target;
    private final boolean resume;
    private final PrintWriter progress;

    Migration(Path source, PramaanConfig target, boolean resume, PrintWriter progress) {
        this.source = source;
        this.target = target;
        this.resume = resume;
        this.progress = progress;
    }

    Result run() throws Exception {
        Path db = source.resolve("pramaan.db");
        if (!Files.isRegularFile(db))
            throw new IOException(source + " holds no pramaan.db: not an embedded data directory");
        if (!target.storage().store().equals("postgres"))
            throw new IOException("the target is store=" + target.storage().store()
                    + ": set store=postgres and store.postgres.* (or --to postgres:URL)");
        if (target.storage()
                .dataDir()
                .toAbsolutePath()
                .normalize()
                .equals(source.toAbsolutePath().normalize()))
            throw new IOException("the target's data.dir is the source directory; give the node its own data.dir");
        try (FileChannel ch = FileChannel.open(
                        source.resolve("pramaan.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(ch)) {
            if (lock == null)
                throw new IOException("the source " + source + " is in use (a server holds "
                        + source.resolve("pramaan.lock") + "): stop it first, so nothing changes while it is copied");
            try (Connection src = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
                    Adapters store = BlobSelection.overlay(
                            AdapterRegistry.installed().open(target.storage().settings()),
                            target.blobs(),
                            target.storage().dataDir())) {
                Map<String, String> opts = target.storage().storeOptions();
                try (Connection dst = DriverManager.getConnection(
                        opts.get("url"), opts.get("user"), opts.getOrDefault("password", ""))) {
                    List<String> tables = tables(src);
                    if (!resume) refuseNonEmpty(dst, tables);
                    for (String t : tables) copy(src, dst, t);
                    moveSequences(dst);
                    long blobs = copyBlobs(store);
                    copyCheckpoints();
                    List<TableCount> counts = new ArrayList<>();
                    for (String t : tables) counts.add(new TableCount(t, count(src, t), count(dst, t)));
                    for (TableCount c : counts)
                        if (c.source() != c.target())
                            throw new IOException("table " + c.table() + ": " + c.source() + " rows in the source, "
                                    + c.target() + " in the target");
                    String head = verifyAudit(src, dst, store);
                    return new Result(counts, blobs, head);
                }
            }
        }
    }

    /** The lock, or none when another process, or this one, holds it. */
    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * The source's signed audit checkpoints go with it: its journal into the node's data directory, and its signing
     * key to where the target's configuration looks for one when none is there yet (owner-only), so the target verifies
     * the old checkpoints and signs new ones with the same key.
     */
    private void copyCheckpoints() throws IOException {
        Path journal = source.resolve(org.pramaan.audit.CheckpointJournal.FILE_NAME);
        if (Files.isRegularFile(journal)) {
            Files.createDirectories(target.storage().dataDir());
            Files.copy(
                    journal,
                    target.storage().dataDir().resolve(org.pramaan.audit.CheckpointJournal.FILE_NAME),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path sourceKey =
                source.toAbsolutePath().normalize().resolveSibling(source.getFileName() + "-audit-checkpoint.key");
        Path targetKey = target.storage().auditCheckpoints().key();
        if (Files.isRegularFile(sourceKey) && !Files.exists(targetKey)) {
            Files.createDirectories(targetKey.toAbsolutePath().getParent());
            Files.copy(sourceKey, targetKey);
            try {
                Files.setPosixFilePermissions(
                        targetKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the copy keeps what the platform gives it
            }
            progress.println("  audit checkpoint key copied to " + targetKey);
        }
    }

    private static List<String> tables(Connection src) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = src.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) if (!SKIPPED.contains(rs.getString(1))) out.add(rs.getString(1));
        }
        return out;
    }

    private static void refuseNonEmpty(Connection dst, List<String> tables) throws SQLException, IOException {
        for (String t : tables) {
            if (count(dst, t) > 0)
                throw new IOException("the target already holds rows in " + t
                        + ": migrate into an empty database, or give --resume to finish an interrupted migration");
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The target's columns of {@code table} with their types, in the order the source names them. */
    private static Map<String, String> targetColumns(Connection dst, String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = dst.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private void copy(Connection src, Connection dst, String table) throws SQLException, IOException {
        Map<String, String> types = targetColumns(dst, table);
        if (types.isEmpty())
            throw new IOException("the target has no table " + table + ": is its schema this version's?");
        List<String> cols = new ArrayList<>();
        try (Statement s = src.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) if (types.containsKey(rs.getString("name"))) cols.add(rs.getString("name"));
        }
        StringBuilder insert = new StringBuilder("INSERT INTO ")
                .append(table)
                .append(" (")
                .append(String.join(", ", cols))
                .append(") OVERRIDING SYSTEM VALUE VALUES (");
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) insert.append(", ");
            String type = types.get(cols.get(i));
            insert.append(type.equals("bytea") ? "?" : "CAST(? AS " + type + ")");
        }
        insert.append(") ON CONFLICT DO NOTHING");
        long copied = 0;
        dst.setAutoCommit(false);
        try (Statement s = src.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + String.join(", ", cols) + " FROM " + table);
                PreparedStatement ps = dst.prepareStatement(insert.toString())) {
            int pending = 0;
            while (rs.next()) {
                for (int i = 0; i < cols.size(); i++) {
                    Object v = rs.getObject(i + 1);
                    if (v == null) ps.setNull(i + 1, java.sql.Types.VARCHAR);
                    else if (types.get(cols.get(i)).equals("bytea")) ps.setBytes(i + 1, rs.getBytes(i + 1));
                    else ps.setString(i + 1, rs.getString(i + 1));
                }
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    dst.commit(); // a killed run keeps what it committed; --resume skips it
                    copied += pending;
                    pending = 0;
                }
            }
            if (pending > 0) ps.executeBatch();
            dst.commit();
            copied += pending;
        } catch (SQLException e) {
            dst.rollback();
            throw new IOException("copying " + table + " failed: " + e.getMessage(), e);
        } finally {
            dst.setAutoCommit(true);
        }
        progress.printf("  %-24s %,10d rows%n", table, copied);
        progress.flush();
    }

    /** Identity and serial columns continue after the copied ids, so the next row the target adds does not collide. */
    private static void moveSequences(Connection dst) throws SQLException {
        List<String[]> seqs = new ArrayList<>();
        try (Statement s = dst.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND (is_identity = 'YES'"
                        + " OR column_default LIKE 'nextval%')")) {
            while (rs.next()) seqs.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        for (String[] tc : seqs)
            try (Statement s = dst.createStatement()) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + tc[0] + "', '" + tc[1]
                        + "'), COALESCE((SELECT max(" + tc[1] + ") FROM " + tc[0] + "), 0) + 1, false)");
            }
    }

    /**
     * Every blob of the source into the target's blob store, each checked against its name (content addressed by
     * SHA-256) before it goes and read back after: a corrupt source file is named and stops the migration.
     */
    private long copyBlobs(Adapters store) throws IOException {
        Path root = source.resolve("blobs");
        if (!Files.isDirectory(root)) return 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p ->
                            org.pramaan.limits.PlainText.isHex(p.getFileName().toString(), 64, true))
                    .sorted()
                    .toList();
        }
        long n = 0;
        for (Path f : files) {
            String sha = f.getFileName().toString();
            if (!sha256(f).equals(sha))
                throw new IOException("blob " + f + " does not hash to its name: the source is corrupt there");
            store.blobs().put(sha, f);
            Optional<Path> back = store.blobs().locate(sha);
            if (back.isEmpty() || !sha256(back.get()).equals(sha))
                throw new IOException("blob " + sha + " did not read back intact from the target");
            if (++n % 1000 == 0) {
                progress.printf("  blobs %,d of %,d%n", n, files.size());
                progress.flush();
            }
        }
        progress.printf("  %-24s %,10d files%n", "blobs", n);
        return n;
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) d.update(buf, 0, r);
            return HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The target's chain verifies from its first entry and its head is the source's. */
    private static String verifyAudit(Connection src, Connection dst, Adapters store) throws SQLException, IOException {
        String a = head(src);
        String b = head(dst);
        if (!a.equals(b)) throw new IOException("audit head differs: source " + a + ", target " + b);
        var log = new org.pramaan.audit.AuditLog(store.audit(), java.time.Clock.systemUTC(), store.unitOfWork());
        var v = log.verify();
        if (!v.valid()) throw new IOException("the target's audit chain does not verify: " + v);
        return a;
    }

    private static String head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM audit_head WHERE id = 1")) {
            if (!rs.next()) return "(empty)";
            StringBuilder b = new StringBuilder();
            for (int i = 2; i <= rs.getMetaData().getColumnCount(); i++)
                b.append(i > 2 ? " " : "").append(rs.getString(i));
            return b.toString();
        }
    }
}
