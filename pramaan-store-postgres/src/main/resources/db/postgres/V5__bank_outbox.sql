-- Schema version 5: the outbox of bank changes (issue 15). Each bank write inserts its change here in the same
-- transaction, so a committed change is never lost and none is published before its commit; the relay publishes
-- unpublished rows in seq order to the queue every node follows and sets published_at in the transaction that held
-- them locked. Published rows are kept a day for diagnosis, then deleted by the relay.
CREATE TABLE bank_outbox (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bank         TEXT COLLATE "C" NOT NULL,
    op           TEXT NOT NULL,
    payload      TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX bank_outbox_unpublished ON bank_outbox(seq) WHERE published_at IS NULL;
