-- Issue 16: a change marker for the protected-persons registry. Every node holds the registry in memory for
-- screening; it polls this one row and re-reads the registry only when the number moved, so an enrolment or a
-- deletion (GDPR Art. 17 erasure) made on another node reaches it without a restart. The trigger moves it in the
-- transaction of the change itself, whichever code path writes the table (one row per changed person).
CREATE TABLE likeness_revision (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);
INSERT INTO likeness_revision(id, revision) VALUES (1, 0);
CREATE FUNCTION likeness_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE likeness_revision SET revision = revision + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER protected_persons_changed AFTER INSERT OR UPDATE OR DELETE ON protected_persons
    FOR EACH ROW EXECUTE FUNCTION likeness_revision_bump();
