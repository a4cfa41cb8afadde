package org.pramaan.audit;

import java.util.List;

/**
 * Port: the committed audit log read as an outbox of events (issue 15). Every change Pramaan makes appends its audit
 * entry in the same transaction, and on a store several nodes share the entries are numbered under one lock held until
 * commit, so entries in {@code seq} order are exactly the committed facts in commit order: an entry is never seen
 * before its change commits, and a rolled-back change leaves none. A relay hands them on (to Kafka topics by subject,
 * {@code pramaan-queue-kafka}) and records how far it got. Stores a single process owns have none.
 */
public interface AuditFeed {
    /** Publishes a batch; returns normally only once every entry is durably accepted downstream. */
    @FunctionalInterface
    interface Publisher {
        void publish(List<AuditEntry> entries) throws Exception;
    }

    /**
     * Hands up to {@code max} entries after {@code feed}'s recorded position, oldest first, to {@code publisher}, and
     * moves the position past them in the same transaction once it returns; one relay of a feed at a time across
     * nodes. A failure leaves the position where it was: an entry may be published twice (consumers deduplicate by
     * {@code seq}), never skipped.
     *
     * @return how many entries were published
     */
    int relay(String feed, int max, Publisher publisher) throws Exception;

    /** Entries not yet published by {@code feed} (its backlog). */
    long pending(String feed);
}
