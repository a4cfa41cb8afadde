package org.pramaan.testkit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.HashBankRepository;

final class MemoryHashBankRepository implements HashBankRepository {
    private final MemoryStore store;
    /** Kept beside the tables: a count, not evidence, so it need not roll back with a unit of work. */
    private final java.util.concurrent.ConcurrentMap<String, Long> shadowHits =
            new java.util.concurrent.ConcurrentHashMap<>();

    MemoryHashBankRepository(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void saveBank(Bank bank) {
        Objects.requireNonNull(bank, "bank");
        store.locked(t -> t.banks.put(bank.name(), bank));
    }

    @Override
    public List<Bank> banks() {
        return store.locked(t -> List.copyOf(t.banks.values()));
    }

    @Override
    public boolean deleteBank(String name) {
        return store.locked(t -> {
            t.bankItems.values().removeIf(i -> i.bank().equals(name));
            shadowHits.remove(name);
            return t.banks.remove(name) != null;
        });
    }

    @Override
    public BankItem add(BankItem item) {
        return addAll(List.of(item)).get(0);
    }

    @Override
    public List<BankItem> addAll(List<BankItem> items) {
        // The port promises all or nothing: a failure part-way (a null item) restores the tables.
        return store.atomically(t -> {
            List<BankItem> stored = new ArrayList<>(items.size());
            for (BankItem item : items) {
                BankItem withId = Objects.requireNonNull(item, "bank item " + stored.size() + " of the batch")
                        .withId(++t.lastBankItemId);
                t.bankItems.put(withId.id(), withId);
                stored.add(withId);
            }
            return List.copyOf(stored);
        });
    }

    @Override
    public List<BankItem> all() {
        return store.locked(t -> List.copyOf(t.bankItems.values()));
    }

    @Override
    public boolean removeItem(long id) {
        return store.locked(t -> t.bankItems.remove(id) != null);
    }

    @Override
    public int removeMedia(String bank, String mediaId) {
        return store.locked(t -> {
            int before = t.bankItems.size();
            t.bankItems
                    .values()
                    .removeIf(i -> i.bank().equals(bank)
                            && i.mediaId().filter(mediaId::equals).isPresent());
            return before - t.bankItems.size();
        });
    }

    @Override
    public void countShadowHits(java.util.Collection<String> banks) {
        for (String b : banks) shadowHits.merge(b, 1L, Long::sum);
    }

    @Override
    public java.util.Map<String, Long> shadowHits() {
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(shadowHits));
    }
}
