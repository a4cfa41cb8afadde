-- Schema version 4: when each open case next needs the clock checker, so a check reads only due cases.
ALTER TABLE cases ADD COLUMN next_event_at INTEGER;
-- Existing open cases are checked once at the next pass, which recomputes the column.
UPDATE cases SET next_event_at = 0 WHERE state = 'OPEN';
CREATE INDEX cases_by_next_event ON cases(state, next_event_at);
