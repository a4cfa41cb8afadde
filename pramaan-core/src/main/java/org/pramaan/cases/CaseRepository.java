package org.pramaan.cases;

import java.util.List;
import java.util.Optional;

/** Port: durable cases. {@link #save} replaces the whole case atomically. */
public interface CaseRepository {
    void save(CaseFile c);

    Optional<CaseFile> find(String id);

    /** Open cases, earliest next deadline first. */
    List<CaseFile> open();
}
