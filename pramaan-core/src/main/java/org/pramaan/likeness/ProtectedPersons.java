package org.pramaan.likeness;

import java.util.List;
import java.util.Optional;

/**
 * Port: the protected-persons registry's storage. Every adapter joins the deployment's unit of
 * work. {@link #delete} leaves nothing of the person behind (no row, no embedding), the right to
 * erasure (GDPR Art. 17, DPDP Act s.12) applied to the registry itself.
 */
public interface ProtectedPersons {
    /** Inserts or replaces the person with this id, embeddings included. */
    void save(ProtectedPerson person);

    Optional<ProtectedPerson> find(String id);

    /** Every enrolled person, by id. */
    List<ProtectedPerson> all();

    /** Removes the person and every embedding of theirs; false when there was none. */
    boolean delete(String id);

    /**
     * A change marker: a number that moves, in the same transaction, with every {@link #save} and every
     * {@link #delete} that removed someone, made through any node sharing the store; equal values read at two times
     * mean no enrolment or deletion committed between them. Cheap (one row), so each node's {@link LikenessIndex} can
     * poll it and re-read the registry only when it moved: a person deleted on one node stops matching on the others
     * (GDPR Art. 17 erasure must reach every copy in use) without a restart.
     */
    long revision();
}
