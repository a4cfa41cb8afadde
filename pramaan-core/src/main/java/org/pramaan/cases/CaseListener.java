package org.pramaan.cases;

import java.util.List;

/**
 * Told of every change to a case inside the same unit of work as the change itself, so what a
 * listener stores (an outbox message) commits or rolls back with it.
 */
@FunctionalInterface
public interface CaseListener {
    /**
     * Told after a change to a case has been saved.
     *
     * @param after the case as saved
     * @param added the events this change added, oldest first; the first has number
     *              {@code after.events().size() - added.size() + 1} (see {@link CaseFile#eventId})
     */
    void recorded(CaseFile after, List<CaseEvent> added);
}
