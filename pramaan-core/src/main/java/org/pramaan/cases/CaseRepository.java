package org.pramaan.cases;

import java.util.List;
import java.util.Optional;

/** Port: durable cases. {@link #save} replaces the whole case atomically. */
public interface CaseRepository {
    void save(CaseFile c);

    Optional<CaseFile> find(String id);

    /**
     * The case, for a change inside the caller's unit of work: a store shared by several nodes locks it for that
     * unit and answers empty when another node's unit holds it (that node is changing it now; the clock checker
     * skips it rather than waiting or firing the same event twice, issue 15). A store of one process reads it.
     */
    default Optional<CaseFile> claim(String id) {
        return find(id);
    }

    /** Open cases, earliest next deadline first. */
    List<CaseFile> open();

    /** Closed cases, newest first, at most {@code limit}. */
    List<CaseFile> closed(int limit);

    /** Open cases whose next escalation or breach is due at or before {@code now} ({@link CaseFile#nextEventDue}). */
    List<CaseFile> due(java.time.Instant now);

    /**
     * One page of the open cases that match {@code query}'s filters, in its order, with how many match in all. The
     * answer equals {@code query.page(open())} (the contract suite compares them), but a store should read only the
     * page's cases: the console asks for this on every queue page view.
     */
    QueueQuery.Page queue(QueueQuery query);
}
