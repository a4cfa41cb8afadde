package org.pramaan.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.nodes.NodeInfo;
import org.pramaan.nodes.NodeRegistry;

/** The nodes table (V15); every write is one statement conditioned on the incarnation, so a race has one winner. */
final class SqliteNodeRegistry implements NodeRegistry {
    private static final String COLUMNS = "id, host, data_dir, incarnation, started, heartbeat";
    private final SqliteDatabase db;

    SqliteNodeRegistry(SqliteDatabase db) {
        this.db = db;
    }

    private static NodeInfo row(ResultSet rs) throws SQLException {
        return new NodeInfo(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                Instant.ofEpochMilli(rs.getLong(6)));
    }

    @Override
    public Optional<NodeInfo> find(String id) {
        return db.first(
                "SELECT " + COLUMNS + " FROM nodes WHERE id = ?", ps -> ps.setString(1, id), SqliteNodeRegistry::row);
    }

    @Override
    public boolean register(NodeInfo n, Optional<String> replacing) {
        return db.write(c -> {
            String sql = replacing.isEmpty()
                    ? "INSERT OR IGNORE INTO nodes(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
                    : "UPDATE nodes SET id = ?, host = ?, data_dir = ?, incarnation = ?, started = ?, heartbeat = ?"
                            + " WHERE id = ? AND incarnation = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, n.id());
                ps.setString(2, n.host());
                ps.setString(3, n.dataDir());
                ps.setString(4, n.incarnation());
                ps.setLong(5, n.started().toEpochMilli());
                ps.setLong(6, n.heartbeat().toEpochMilli());
                if (replacing.isPresent()) {
                    ps.setString(7, n.id());
                    ps.setString(8, replacing.get());
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean heartbeat(String id, String incarnation, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE nodes SET heartbeat = ? WHERE id = ? AND incarnation = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, id);
                ps.setString(3, incarnation);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void leave(String id, String incarnation) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM nodes WHERE id = ? AND incarnation = ?")) {
                ps.setString(1, id);
                ps.setString(2, incarnation);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<NodeInfo> all() {
        return db.list("SELECT " + COLUMNS + " FROM nodes ORDER BY id", ps -> {}, SqliteNodeRegistry::row);
    }
}
