-- Issue 15. Checkpoint marks per checkpoint file: every node of a deployment keeps its own
-- audit-checkpoints.jsonl, signed with its own key, so the store keeps one mark per file (named by the
-- fingerprint of the key that signs it) instead of one for the deployment. The single mark of V7 is kept
-- as the journal '' (recorded before marks were per file); the node whose file holds it adopts it.
CREATE TABLE audit_checkpoint_journals (
    journal TEXT PRIMARY KEY,
    seq     INTEGER NOT NULL,
    hash    TEXT NOT NULL,
    count   INTEGER NOT NULL
);
INSERT INTO audit_checkpoint_journals(journal, seq, hash, count) SELECT '', seq, hash, count FROM audit_checkpoint_mark;
DROP TABLE audit_checkpoint_mark;

-- Marks only move forward and are never deleted; checked and recreated at every open: AppendOnlyTriggers.
CREATE TRIGGER audit_checkpoint_journals_no_delete BEFORE DELETE ON audit_checkpoint_journals
BEGIN SELECT RAISE(ABORT, 'audit_checkpoint_journals cannot be deleted'); END;
CREATE TRIGGER audit_checkpoint_journals_forward_only BEFORE UPDATE ON audit_checkpoint_journals WHEN NEW.seq < OLD.seq OR NEW.count < OLD.count
BEGIN SELECT RAISE(ABORT, 'audit_checkpoint_journals only moves forward'); END;
