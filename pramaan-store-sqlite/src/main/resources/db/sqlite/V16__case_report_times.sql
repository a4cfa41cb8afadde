-- Schema version 16: the times reports select cases by (issue 17), so a monthly report reads the cases that can count
-- in its period instead of every case ever received. received_ms is the receipt and touched_ms the latest of the
-- receipt and every event (both epoch millis, floored); a case counts in [from, to) only if received before `to` and
-- either touched at or after `from` or still open (ReportSource.touches), which the exact check then confirms.
-- Existing rows are marked for the case repository's one-time derivation (queue_ready = 0), which sets these too.
ALTER TABLE cases ADD COLUMN received_ms INTEGER;
ALTER TABLE cases ADD COLUMN touched_ms INTEGER;
UPDATE cases SET queue_ready = 0;
CREATE INDEX cases_by_touched ON cases(touched_ms);
