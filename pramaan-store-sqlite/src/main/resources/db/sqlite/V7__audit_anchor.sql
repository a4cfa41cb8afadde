-- Issue 11 defect 7. The newest checkpoint written to <data-dir>/audit-checkpoints.jsonl and how many
-- lines the file then had, so that a deleted or truncated checkpoint file is noticed.
CREATE TABLE audit_checkpoint_mark (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    hash  TEXT NOT NULL,
    count INTEGER NOT NULL
);

-- The head and the mark only move forward and are never deleted. Like audit_log's triggers these are
-- checked (and recreated, loudly) every time the database opens: AppendOnlyTriggers.
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN SELECT RAISE(ABORT, 'audit_head cannot be deleted'); END;
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head WHEN NEW.seq <> OLD.seq + 1
BEGIN SELECT RAISE(ABORT, 'audit_head only moves to the next entry'); END;
CREATE TRIGGER audit_checkpoint_mark_no_delete BEFORE DELETE ON audit_checkpoint_mark
BEGIN SELECT RAISE(ABORT, 'audit_checkpoint_mark cannot be deleted'); END;
CREATE TRIGGER audit_checkpoint_mark_forward_only BEFORE UPDATE ON audit_checkpoint_mark WHEN NEW.seq < OLD.seq OR NEW.count < OLD.count
BEGIN SELECT RAISE(ABORT, 'audit_checkpoint_mark only moves forward'); END;
