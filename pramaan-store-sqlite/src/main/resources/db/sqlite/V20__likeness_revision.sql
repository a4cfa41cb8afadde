-- Issue 16: a change marker for the protected-persons registry. Every node holds the registry in memory for
-- screening; it polls this one row and re-reads the registry only when the number moved, so an enrolment or a
-- deletion (GDPR Art. 17 erasure) made through another process reaches it without a restart. The triggers move it in
-- the transaction of the change itself, whichever code path writes the table.
CREATE TABLE likeness_revision (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
INSERT INTO likeness_revision(id, revision) VALUES (1, 0);
CREATE TRIGGER protected_persons_inserted AFTER INSERT ON protected_persons
BEGIN
    UPDATE likeness_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER protected_persons_updated AFTER UPDATE ON protected_persons
BEGIN
    UPDATE likeness_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER protected_persons_deleted AFTER DELETE ON protected_persons
BEGIN
    UPDATE likeness_revision SET revision = revision + 1 WHERE id = 1;
END;
