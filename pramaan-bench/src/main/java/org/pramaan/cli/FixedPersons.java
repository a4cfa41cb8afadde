package org.pramaan.cli;

import java.util.List;
import java.util.Optional;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.ProtectedPersons;

/**
 * The enrolled persons a likeness bench searches, held as given: the store's reads are not what the benches measure,
 * and nothing is enrolled or deleted while they run (so the change marker never moves).
 */
record FixedPersons(List<ProtectedPerson> all) implements ProtectedPersons {
    FixedPersons {
        all = List.copyOf(all);
    }

    @Override
    public void save(ProtectedPerson person) {
        throw new UnsupportedOperationException("the bench only reads");
    }

    @Override
    public Optional<ProtectedPerson> find(String id) {
        return all.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public boolean delete(String id) {
        throw new UnsupportedOperationException("the bench only reads");
    }

    @Override
    public long revision() {
        return 0;
    }
}
