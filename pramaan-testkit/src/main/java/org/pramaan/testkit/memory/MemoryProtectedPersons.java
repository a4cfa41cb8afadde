package org.pramaan.testkit.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.ProtectedPersons;

final class MemoryProtectedPersons implements ProtectedPersons {
    private final MemoryStore store;

    MemoryProtectedPersons(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void save(ProtectedPerson person) {
        Objects.requireNonNull(person, "person");
        store.locked(t -> {
            t.likenessRevision++;
            return t.protectedPersons.put(person.id(), person);
        });
    }

    @Override
    public Optional<ProtectedPerson> find(String id) {
        return store.locked(t -> Optional.ofNullable(t.protectedPersons.get(id)));
    }

    @Override
    public List<ProtectedPerson> all() {
        return store.locked(t -> List.copyOf(t.protectedPersons.values()));
    }

    @Override
    public boolean delete(String id) {
        return store.locked(t -> {
            boolean removed = t.protectedPersons.remove(id) != null;
            if (removed) t.likenessRevision++;
            return removed;
        });
    }

    @Override
    public long revision() {
        return store.locked(t -> t.likenessRevision);
    }
}
