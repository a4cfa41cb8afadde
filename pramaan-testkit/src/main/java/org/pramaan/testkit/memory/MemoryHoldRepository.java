package org.pramaan.testkit.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.cases.Hold;
import org.pramaan.cases.HoldRepository;

final class MemoryHoldRepository implements HoldRepository {
    private final MemoryStore store;

    MemoryHoldRepository(MemoryStore store) {
        this.store = store;
    }

    @Override
    public Hold add(Hold hold) {
        Objects.requireNonNull(hold, "hold");
        return store.locked(t -> {
            Hold stored = hold.withId(++t.lastHoldId);
            t.holds.put(stored.id(), stored);
            return stored;
        });
    }

    @Override
    public void save(Hold hold) {
        Objects.requireNonNull(hold, "hold");
        store.locked(t -> {
            if (!t.holds.containsKey(hold.id())) throw new IllegalArgumentException("no hold with id " + hold.id());
            t.holds.put(hold.id(), hold);
            return null;
        });
    }

    @Override
    public Optional<Hold> find(long id) {
        return store.locked(t -> Optional.ofNullable(t.holds.get(id)));
    }

    @Override
    public List<Hold> forMedia(String mediaId) {
        return store.locked(t -> t.holds.values().stream()
                .filter(h -> h.mediaId().equals(mediaId))
                .toList());
    }
}
