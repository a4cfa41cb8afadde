package org.pramaan.testkit.memory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.generation.Consent;
import org.pramaan.generation.GenerationRecord;
import org.pramaan.generation.GenerationRepository;
import org.pramaan.generation.RulesShown;

final class MemoryGenerationRepository implements GenerationRepository {
    private final MemoryStore store;

    MemoryGenerationRepository(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void save(GenerationRecord record) {
        Objects.requireNonNull(record, "record");
        store.locked(t -> {
            if (t.generations.containsKey(record.id()))
                throw new IllegalStateException("generation record " + record.id() + " exists");
            return t.generations.put(record.id(), record);
        });
    }

    @Override
    public Optional<GenerationRecord> find(String id) {
        return store.locked(t -> Optional.ofNullable(t.generations.get(id)));
    }

    @Override
    public List<GenerationRecord> retainedUntilBefore(java.time.Instant cutoff, int limit) {
        return store.locked(t -> t.generations.values().stream()
                .filter(r -> r.retainUntil().isBefore(cutoff))
                .sorted(java.util.Comparator.comparing(GenerationRecord::createdAt))
                .limit(limit)
                .toList());
    }

    @Override
    public void delete(String id) {
        store.locked(t -> {
            t.generationKeys.values().removeIf(e -> e.getKey().recordId().equals(id));
            return t.generations.remove(id);
        });
    }

    @Override
    public boolean saveKey(org.pramaan.generation.GenerationKey key, byte[] output) {
        Objects.requireNonNull(key, "key");
        byte[] copy = output.clone();
        return store.locked(
                t -> t.generationKeys.putIfAbsent(key.scope() + '\0' + key.key(), Map.entry(key, copy)) == null);
    }

    @Override
    public Optional<org.pramaan.generation.GenerationKey> key(String scope, String key) {
        return store.locked(t ->
                Optional.ofNullable(t.generationKeys.get(scope + '\0' + key)).map(Map.Entry::getKey));
    }

    @Override
    public Optional<byte[]> keyedOutput(String scope, String key) {
        return store.locked(t -> Optional.ofNullable(t.generationKeys.get(scope + '\0' + key))
                .map(e -> e.getValue().clone()));
    }

    /** Numbers are handed out once per store, whatever happens to the generation afterwards. */
    private final java.util.Map<Long, String> numbers = new java.util.HashMap<>();

    @Override
    public long allocateNumber(String id) {
        Objects.requireNonNull(id, "id");
        return store.locked(t -> {
            long n = numbers.size() + 1L;
            numbers.put(n, id);
            return n;
        });
    }

    @Override
    public Optional<GenerationRecord> findByNumber(long number) {
        return store.locked(t -> Optional.ofNullable(numbers.get(number)).map(t.generations::get));
    }

    @Override
    public void saveConsent(Consent consent) {
        Objects.requireNonNull(consent, "consent");
        store.locked(t -> t.consents.put(consent.id(), consent));
    }

    @Override
    public Optional<Consent> consent(String id) {
        return store.locked(t -> Optional.ofNullable(t.consents.get(id)));
    }

    @Override
    public List<Consent> consents(String personId) {
        return store.locked(t -> t.consents.values().stream()
                .filter(c -> c.personId().equals(personId))
                .sorted(java.util.Comparator.comparing(Consent::createdAt).thenComparing(Consent::id))
                .toList());
    }

    @Override
    public void saveRulesShown(RulesShown shown) {
        Objects.requireNonNull(shown, "shown");
        store.locked(t -> t.rulesShown.put(shown.userId(), shown));
    }

    @Override
    public Optional<RulesShown> rulesShown(String userId) {
        return store.locked(t -> Optional.ofNullable(t.rulesShown.get(userId)));
    }

    @Override
    public List<RulesShown> allRulesShown() {
        return store.locked(t -> List.copyOf(t.rulesShown.values()));
    }
}
