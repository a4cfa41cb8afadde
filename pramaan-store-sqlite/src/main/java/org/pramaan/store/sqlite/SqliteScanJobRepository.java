package org.pramaan.store.sqlite;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import org.pramaan.backscan.ScanJob;
import org.pramaan.backscan.ScanJobRepository;
import org.pramaan.backscan.ScanResult;
import org.pramaan.backscan.ScanState;
import org.pramaan.json.Json;

/** Scan jobs as JSON rows; results keyed by (job, item) so a redone batch inserts nothing twice (V14). */
final class SqliteScanJobRepository implements ScanJobRepository {
    private final SqliteDatabase db;

    SqliteScanJobRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void insert(ScanJob job) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO scan_jobs(id, state, created_at, json) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, job.id());
                ps.setString(2, job.state().name());
                ps.setLong(3, job.createdAt().toEpochMilli());
                ps.setString(4, Json.write(job));
                if (ps.executeUpdate() != 1) throw new IllegalStateException("scan " + job.id() + " exists already");
                return null;
            }
        });
    }

    @Override
    public void save(ScanJob job) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scan_jobs SET state = ?, json = ? WHERE id = ?")) {
                ps.setString(1, job.state().name());
                ps.setString(2, Json.write(job));
                ps.setString(3, job.id());
                if (ps.executeUpdate() != 1) throw new IllegalStateException("no scan with id " + job.id());
                return null;
            }
        });
    }

    @Override
    public Optional<ScanJob> find(String id) {
        return db.first(
                "SELECT json FROM scan_jobs WHERE id = ?",
                ps -> ps.setString(1, id),
                rs -> Json.read(rs.getString(1), ScanJob.class));
    }

    @Override
    public List<ScanJob> recent(int limit) {
        return db.list(
                "SELECT json FROM scan_jobs ORDER BY created_at DESC, id DESC LIMIT ?",
                ps -> ps.setInt(1, limit),
                rs -> Json.read(rs.getString(1), ScanJob.class));
    }

    @Override
    public List<ScanJob> inState(ScanState state) {
        return db.list(
                "SELECT json FROM scan_jobs WHERE state = ? ORDER BY created_at, id",
                ps -> ps.setString(1, state.name()),
                rs -> Json.read(rs.getString(1), ScanJob.class));
    }

    @Override
    public boolean addResult(ScanResult r) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO scan_results(job_id, item_key, outcome, json) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, r.jobId());
                ps.setString(2, r.itemKey());
                ps.setString(3, r.outcome().name());
                ps.setString(4, Json.write(r));
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean hasResult(String jobId, String itemKey) {
        return db.first(
                        "SELECT 1 FROM scan_results WHERE job_id = ? AND item_key = ?",
                        ps -> {
                            ps.setString(1, jobId);
                            ps.setString(2, itemKey);
                        },
                        rs -> rs.getInt(1))
                .isPresent();
    }

    @Override
    public List<ScanResult> results(String jobId, String afterKey, int limit) {
        return db.list(
                "SELECT json FROM scan_results WHERE job_id = ? AND item_key > ? ORDER BY item_key LIMIT ?",
                ps -> {
                    ps.setString(1, jobId);
                    ps.setString(2, afterKey);
                    ps.setInt(3, limit);
                },
                rs -> Json.read(rs.getString(1), ScanResult.class));
    }

    @Override
    public long resultCount(String jobId) {
        return db.first(
                        "SELECT count(*) FROM scan_results WHERE job_id = ?",
                        ps -> ps.setString(1, jobId),
                        rs -> rs.getLong(1))
                .orElse(0L);
    }

    @Override
    public boolean lease(String jobId, String node, java.time.Instant now, java.time.Instant until) {
        return db.write(c -> {
            // One statement: the holder check and the take are atomic.
            try (PreparedStatement ps = c.prepareStatement("UPDATE scan_jobs SET lease_node = ?, lease_until = ?"
                    + " WHERE id = ? AND (lease_node IS NULL OR lease_node = ? OR lease_until < ?)")) {
                ps.setString(1, node);
                ps.setLong(2, until.toEpochMilli());
                ps.setString(3, jobId);
                ps.setString(4, node);
                ps.setLong(5, now.toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(String jobId, String node) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scan_jobs SET lease_node = NULL, lease_until = NULL WHERE id = ? AND lease_node = ?")) {
                ps.setString(1, jobId);
                ps.setString(2, node);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<org.pramaan.backscan.ScanLease> leaseOf(String jobId) {
        return db.first(
                "SELECT lease_node, lease_until FROM scan_jobs WHERE id = ? AND lease_node IS NOT NULL",
                ps -> ps.setString(1, jobId),
                rs -> new org.pramaan.backscan.ScanLease(
                        rs.getString(1), java.time.Instant.ofEpochMilli(rs.getLong(2))));
    }
}
