package org.pramaan.banks;

import java.util.List;
import java.util.Objects;

/**
 * Port: the transactional outbox of bank changes (issue 15). A store that several nodes share writes one change row in
 * the same transaction as each bank write, so a committed change is never lost and none is seen before its commit; a
 * relay hands the rows, in order, to a queue every node follows, and each node applies them to its in-memory index
 * ({@link HashBanks#apply}). Stores a single process owns (SQLite, memory) have none: their index is the only one.
 */
public interface BankChangeLog {
    /** What changed. */
    enum Op {
        /** An item added: {@code payload} is the item's JSON. */
        ADD,
        /** An item removed: {@code payload} is its id. */
        REMOVE_ITEM,
        /** A media item's entries removed from a bank: {@code payload} is the media id. */
        REMOVE_MEDIA,
        /** A bank created or changed: {@code payload} is the bank's JSON. */
        BANK,
        /** A bank deleted with its items: {@code payload} is empty. */
        DELETE_BANK
    }

    /**
     * One committed change.
     *
     * @param seq the outbox's order (unique, increasing in insertion order)
     * @param bank the bank it concerns (the queue's key, so one bank's changes stay in order)
     */
    record Change(long seq, String bank, Op op, String payload) {
        public Change {
            Objects.requireNonNull(bank, "bank");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** Publishes a batch; returns normally only once every change is durably accepted by the queue. */
    @FunctionalInterface
    interface Publisher {
        void publish(List<Change> changes) throws Exception;
    }

    /**
     * Hands up to {@code max} unpublished changes, oldest first, to {@code publisher} and marks them published in the
     * same transaction once it returns; one relay at a time across nodes (the rows are locked while they are
     * published). A failure leaves them unpublished for the next call: a change may be published twice, never lost.
     *
     * @return how many changes were published
     */
    int relay(int max, Publisher publisher) throws Exception;

    /** Changes not yet published (the relay's backlog). */
    long pending();
}
