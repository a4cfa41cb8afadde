package org.pramaan.testkit.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseRepository;
import org.pramaan.cases.CaseState;
import org.pramaan.cases.QueueQuery;

final class MemoryCaseRepository implements CaseRepository {
    /** As the SQLite adapter's ORDER BY next_deadline IS NULL, next_deadline, id. */
    private static final Comparator<CaseFile> BY_DEADLINE = Comparator.comparing(
                    (CaseFile c) -> c.nextDeadline().orElse(Instant.MAX))
            .thenComparing(CaseFile::id);

    private final MemoryStore store;

    MemoryCaseRepository(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void save(CaseFile c) {
        Objects.requireNonNull(c, "case");
        store.locked(t -> t.cases.put(c.id(), c));
    }

    @Override
    public Optional<CaseFile> find(String id) {
        return store.locked(t -> Optional.ofNullable(t.cases.get(id)));
    }

    @Override
    public List<CaseFile> open() {
        return store.locked(t -> t.cases.values().stream()
                .filter(c -> c.state() == CaseState.OPEN)
                .sorted(BY_DEADLINE)
                .toList());
    }

    @Override
    public List<CaseFile> closed(int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative: " + limit);
        return store.locked(t -> {
            // Newest first = reverse order of first insertion, as SQLite's rowid DESC.
            List<CaseFile> all = new ArrayList<>(t.cases.values());
            List<CaseFile> closed = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0 && closed.size() < limit; i--) {
                if (all.get(i).state() == CaseState.CLOSED) closed.add(all.get(i));
            }
            return List.copyOf(closed);
        });
    }

    @Override
    public List<CaseFile> due(Instant now) {
        return store.locked(t -> t.cases.values().stream()
                .filter(c -> c.state() == CaseState.OPEN
                        && c.nextEventDue().filter(d -> !d.isAfter(now)).isPresent())
                .sorted(Comparator.comparing((CaseFile c) -> c.nextEventDue().orElseThrow()))
                .toList());
    }

    /** The reference itself: every open case filtered and ordered in memory. */
    @Override
    public QueueQuery.Page queue(QueueQuery query) {
        return query.page(open());
    }
}
