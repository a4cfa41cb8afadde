-- Schema version 3: the times reports select cases by (issue 17), as in the embedded store's version 15: received_ms is
-- the receipt and touched_ms the latest of the receipt and every event (epoch millis, floored). A case counts in
-- [from, to) only if received before `to` and either touched at or after `from` or still open, which the exact check
-- in Java confirms. Existing rows are filled from their JSON; received_ms one millisecond early, since timestamptz
-- rounds nanoseconds to microseconds and could round a receipt up across a millisecond (the bound must not be late).
ALTER TABLE cases ADD COLUMN received_ms BIGINT;
ALTER TABLE cases ADD COLUMN touched_ms BIGINT;
UPDATE cases SET
    received_ms = floor(extract(epoch FROM (json::jsonb ->> 'receivedAt')::timestamptz) * 1000)::bigint - 1,
    touched_ms = floor(extract(epoch FROM greatest(
        (json::jsonb ->> 'receivedAt')::timestamptz,
        (SELECT max((e ->> 'at')::timestamptz) FROM jsonb_array_elements(json::jsonb -> 'events') e))) * 1000)::bigint;
CREATE INDEX cases_by_touched ON cases(touched_ms);
CREATE INDEX cases_by_received ON cases(received_ms);
