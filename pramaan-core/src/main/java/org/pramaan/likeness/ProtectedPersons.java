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
}
