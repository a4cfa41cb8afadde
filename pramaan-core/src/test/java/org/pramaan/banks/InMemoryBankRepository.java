package org.pramaan.banks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A list-backed repository for core tests (the SQLite adapter passes the same contract in its module). */
final class InMemoryBankRepository implements HashBankRepository {
    final Map<String, Bank> banks = new LinkedHashMap<>();
    final List<BankItem> items = new ArrayList<>();
    long nextId = 1;
    final Map<String, Long> shadowHits = new java.util.TreeMap<>();

    @Override
    public void countShadowHits(java.util.Collection<String> banks) {
        for (String b : banks) shadowHits.merge(b, 1L, Long::sum);
    }

    @Override
    public Map<String, Long> shadowHits() {
        return Map.copyOf(shadowHits);
    }

    @Override
    public void saveBank(Bank bank) {
        banks.put(bank.name(), bank);
    }

    @Override
    public List<Bank> banks() {
        return List.copyOf(banks.values());
    }

    @Override
    public boolean deleteBank(String name) {
        items.removeIf(i -> i.bank().equals(name));
        return banks.remove(name) != null;
    }

    @Override
    public BankItem add(BankItem item) {
        return addAll(List.of(item)).get(0);
    }

    @Override
    public List<BankItem> addAll(List<BankItem> in) {
        List<BankItem> out = new ArrayList<>();
        for (BankItem i : in) out.add(i.withId(nextId++));
        items.addAll(out);
        return out;
    }

    @Override
    public List<BankItem> all() {
        return List.copyOf(items);
    }

    @Override
    public boolean removeItem(long id) {
        return items.removeIf(i -> i.id() == id);
    }

    @Override
    public int removeMedia(String bank, String mediaId) {
        int before = items.size();
        items.removeIf(i -> i.bank().equals(bank) && i.mediaId().equals(java.util.Optional.of(mediaId)));
        return before - items.size();
    }
}
