package org.pramaan.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.pramaan.adapters.Adapters;
import org.pramaan.audit.AuditCheckpoints;
import org.pramaan.audit.AuditLog;
import org.pramaan.audit.CheckpointJournal;
import org.pramaan.audit.CheckpointKey;
import org.pramaan.tx.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires issue 11 defect 7 into the embedded deployment: records append-only triggers the store had to
 * restore at open as an audit entry, and anchors the chain with signed checkpoints in
 * {@code <data-dir>/audit-checkpoints.jsonl} (see docs/audit.md).
 */
final class AuditAnchoring {
    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchoring.class);

    private AuditAnchoring() {}

    /**
     * The deployment's audit log, anchored. The checkpoints read the store, not the log, so they are
     * built first and given to the log's constructor (no setter: issue 12).
     */
    static AuditLog open(PramaanConfig config, Adapters store, Clock clock, UnitOfWork unit) {
        List<String> restored = store.restoredGuards();
        if (!restored.isEmpty()) {
            // Appended before the checkpoints are attached, as it always was: this entry alone does not
            // make the process one that appended (a read-only `audit verify` still signs nothing at close).
            new AuditLog(store.audit(), clock, unit)
                    .append(AuditLog.TRIGGERS_RESTORED, "audit:triggers", AuditLog.details("triggers", restored));
        }
        PramaanConfig.Checkpointing settings = config.storage().auditCheckpoints();
        CheckpointKey.Loaded key = CheckpointKey.loadOrCreate(settings.key());
        if (key.created()) {
            LOG.warn(
                    "created the audit checkpoint key {} (Ed25519, public key {}, fingerprint {}): keep it outside the data directory and back it up; "
                            + "without it new checkpoints cannot be signed",
                    settings.key(),
                    key.key().publicKey(),
                    key.key().fingerprint());
        }
        AuditCheckpoints checkpoints = new AuditCheckpoints(
                store.audit(),
                key.key(),
                new CheckpointJournal(config.storage().dataDir().resolve(CheckpointJournal.FILE_NAME)),
                settings.interval(),
                clock,
                AuditCheckpoints.background(),
                problem -> LOG.error("{}", problem));
        AuditLog audit = new AuditLog(store.audit(), clock, unit, Optional.of(checkpoints));
        // Catch up after a crash or an upgrade from a version without checkpoints.
        checkpoints.checkpointIfDue();
        return audit;
    }
}
