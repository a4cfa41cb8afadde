package org.pramaan.cases;

import java.util.List;
import java.util.Optional;

/** Port: durable cases. {@link #save} replaces the whole case atomically. */
public interface CaseRepository {
    void save(CaseFile c);

    Optional<CaseFile> find(String id);

    /** Open cases, earliest next deadline first. */
    List<CaseFile> open();

    /** Closed cases, newest first, at most {@code limit}. */
    List<CaseFile> closed(int limit);

    /** Open cases whose next escalation or breach is due at or before {@code now} ({@link CaseFile#nextEventDue}). */
    List<CaseFile> due(java.time.Instant now);
}
