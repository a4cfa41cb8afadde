-- Schema version 11: the columns the console queue filters and orders open cases by, so a queue page is answered
-- from one covering index and only the page's cases are parsed (issue 13: 10,000 open cases took 201 ms at p95).
-- Each is derived from the case JSON at save; queue_ready = 0 marks rows saved before this version, which the case
-- repository derives once when it is next opened (the assignee needs the event history, which SQL cannot replay).
ALTER TABLE cases ADD COLUMN notice_type TEXT;
ALTER TABLE cases ADD COLUMN jurisdiction_fold TEXT;     -- jurisdiction folded as QueueQuery.fold (equalsIgnoreCase)
ALTER TABLE cases ADD COLUMN deadline_nano INTEGER;      -- nanoseconds within next_deadline's millisecond
ALTER TABLE cases ADD COLUMN trusted INTEGER;            -- 1 when the notice came from a DSA art.22 trusted flagger
ALTER TABLE cases ADD COLUMN assignee TEXT;              -- CaseFile.assignee(), NULL when no one holds it
ALTER TABLE cases ADD COLUMN legal_review INTEGER;
ALTER TABLE cases ADD COLUMN awaiting_info INTEGER;
ALTER TABLE cases ADD COLUMN queue_ready INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_queue ON cases(state, next_deadline, deadline_nano, notice_type, jurisdiction_fold, trusted,
    assignee, legal_review, awaiting_info, id);
CREATE INDEX cases_queue_pending ON cases(id) WHERE queue_ready = 0;
