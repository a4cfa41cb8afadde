-- Schema version 6 (issue 15): checkpoint marks per checkpoint file. Every node keeps its own
-- audit-checkpoints.jsonl signed with its own key, so the store keeps one mark per file (named by the
-- fingerprint of the key that signs it). The single mark of V1 is kept as the journal '' (recorded before marks
-- were per file); the node whose file holds it adopts it.
CREATE TABLE audit_checkpoint_journals (
    journal TEXT COLLATE "C" PRIMARY KEY,
    seq     BIGINT NOT NULL,
    hash    TEXT NOT NULL,
    count   BIGINT NOT NULL
);
INSERT INTO audit_checkpoint_journals(journal, seq, hash, count) SELECT '', seq, hash, count FROM audit_checkpoint_mark;
DROP TABLE audit_checkpoint_mark;

CREATE TRIGGER audit_checkpoint_journals_no_delete BEFORE DELETE ON audit_checkpoint_journals
    FOR EACH ROW EXECUTE FUNCTION pramaan_refuse('audit_checkpoint_journals cannot be deleted');
CREATE TRIGGER audit_checkpoint_journals_forward_only BEFORE UPDATE ON audit_checkpoint_journals
    FOR EACH ROW WHEN (NEW.seq < OLD.seq OR NEW.count < OLD.count)
    EXECUTE FUNCTION pramaan_refuse('audit_checkpoint_journals only moves forward');
