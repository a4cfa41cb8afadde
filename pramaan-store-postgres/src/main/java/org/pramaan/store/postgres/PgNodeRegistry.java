package org.pramaan.store.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.nodes.NodeInfo;
import org.pramaan.nodes.NodeRegistry;

/**
 * The nodes table (V4). Each write is one auto-commit statement conditioned on the incarnation (read(): it takes no
 * unit lock, so a heartbeat never waits behind a long use case on this node), and a race for one id has one winner.
 */
final class PgNodeRegistry implements NodeRegistry {
    private static final String COLUMNS = "id, host, data_dir, incarnation, started, heartbeat";
    private final PostgresDatabase db;

    PgNodeRegistry(PostgresDatabase db) {
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
                "SELECT " + COLUMNS + " FROM nodes WHERE id = ?", ps -> ps.setString(1, id), PgNodeRegistry::row);
    }

    @Override
    public boolean register(NodeInfo n, Optional<String> replacing) {
        return db.read(c -> {
            String sql = replacing.isEmpty()
                    ? "INSERT INTO nodes(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
                    : "UPDATE nodes SET id = ?, host = ?, data_dir = ?, incarnation = ?, started = ?, heartbeat = ?"
                            + " WHERE id = ? AND incarnation = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, n.id());
                ps.setString(2, n.host());
                ps.setString(3, n.dataDir());
                ps.setString(4, n.incarnation());
                ps.setLong(5, PgSql.millis(n.started()));
                ps.setLong(6, PgSql.millis(n.heartbeat()));
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
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE nodes SET heartbeat = ? WHERE id = ? AND incarnation = ?")) {
                ps.setLong(1, PgSql.millis(now));
                ps.setString(2, id);
                ps.setString(3, incarnation);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void leave(String id, String incarnation) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM nodes WHERE id = ? AND incarnation = ?")) {
                ps.setString(1, id);
                ps.setString(2, incarnation);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<NodeInfo> all() {
        return db.list("SELECT " + COLUMNS + " FROM nodes ORDER BY id", ps -> {}, PgNodeRegistry::row);
    }
}
