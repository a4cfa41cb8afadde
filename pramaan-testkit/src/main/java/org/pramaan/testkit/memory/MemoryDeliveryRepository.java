package org.pramaan.testkit.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryRepository;
import org.pramaan.notify.DeliveryState;

final class MemoryDeliveryRepository implements DeliveryRepository {
    private final MemoryStore store;

    MemoryDeliveryRepository(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void enqueue(Delivery d) {
        Objects.requireNonNull(d, "delivery");
        // A stored id is left as it is (a replayed enqueue is a no-op), as the SQLite INSERT OR IGNORE.
        store.locked(t -> t.deliveries.putIfAbsent(d.id(), d));
    }

    @Override
    public void save(Delivery d) {
        Objects.requireNonNull(d, "delivery");
        store.locked(t -> {
            if (!t.deliveries.containsKey(d.id()))
                throw new IllegalArgumentException("no delivery with id '" + d.id() + "'");
            t.deliveries.put(d.id(), d); // keeps its enqueue position
            return null;
        });
    }

    @Override
    public Optional<Delivery> find(String id) {
        return store.locked(t -> Optional.ofNullable(t.deliveries.get(id)));
    }

    @Override
    public List<Delivery> due(Instant now, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative: " + limit);
        // Oldest due first, then enqueue order (the stream is in enqueue order and the sort is stable).
        return store.locked(t -> t.deliveries.values().stream()
                .filter(d ->
                        d.state() == DeliveryState.PENDING && !d.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(Delivery::nextAttemptAt))
                .limit(limit)
                .toList());
    }

    @Override
    public List<Delivery> withState(DeliveryState state, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative: " + limit);
        return store.locked(t -> {
            List<Delivery> newestFirst = new ArrayList<>(t.deliveries.values());
            java.util.Collections.reverse(newestFirst);
            return newestFirst.stream()
                    .filter(d -> d.state() == state)
                    .limit(limit)
                    .toList();
        });
    }

    @Override
    public List<Delivery> forCase(String caseId) {
        return store.locked(t -> t.deliveries.values().stream()
                .filter(d -> d.caseId().equals(caseId))
                .toList());
    }
}
