package org.pramaan.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the durable outbox. Writes join the caller's unit of work, so a message commits with its cause. */
public interface DeliveryRepository {
    /** Stores a new message; one whose id is already stored is left as it is (so a replay enqueues nothing twice). */
    void enqueue(Delivery d);

    /** Replaces a stored message (after an attempt). */
    void save(Delivery d);

    Optional<Delivery> find(String id);

    /** Pending messages due by {@code now}, oldest due first, at most {@code limit}. */
    List<Delivery> due(Instant now, int limit);

    /** Messages in a state, newest first, at most {@code limit}. */
    List<Delivery> withState(DeliveryState state, int limit);

    /** Every message of a case, in the order they were enqueued. */
    List<Delivery> forCase(String caseId);
}
