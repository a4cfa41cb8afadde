package org.pramaan.hash;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Hash banks and their in-memory matcher: exact SHA-256 lookup plus PDQ within each bank's
 * threshold and quality floor. Writes go to the repository first, then to memory, so a new item
 * matches from the moment {@link #add} returns. The repository is never called while the
 * in-memory lock is held: callers may already hold the store's lock (a takedown inside a unit of
 * work), and the store-then-memory order must be the only order. The v1 PDQ search is a linear scan; the multi-index
 * matcher replaces it behind this API.
 */
public final class HashBanks {
    /** The bank takedowns feed (IT Rules r.4(4)). */
    public static final String REMOVED = "removed";
    /** PDQ convention: distance ≤ 31 of 256 bits is a match (Meta pdq README). */
    public static final int PDQ_MATCH_DISTANCE = 31;

    private final HashBankRepository repository;
    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Bank> banks = new LinkedHashMap<>();
    private final Map<String, List<BankItem>> bySha256 = new HashMap<>();
    private final List<BankItem> withPdq = new ArrayList<>();

    public HashBanks(HashBankRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        repository.banks().forEach(b -> banks.put(b.name(), b));
        repository.all().forEach(this::index);
    }

    public List<Bank> banks() { return read(() -> List.copyOf(banks.values())); }

    public Optional<Bank> bank(String name) { return read(() -> Optional.ofNullable(banks.get(name))); }

    /** Creates the bank, or returns it unchanged if one of that name and kind exists. */
    public Bank ensure(String name, BankKind kind) {
        Optional<Bank> b = bank(name);
        if (b.isPresent()) {
            if (b.get().kind() != kind) throw new IllegalStateException("bank '" + name + "' exists with kind " + b.get().kind().wireName() + ", not " + kind.wireName());
            return b.get();
        }
        Bank created = Bank.of(name, kind, clock.instant());
        repository.saveBank(created);
        return write(() -> { banks.put(name, created); return created; });
    }

    public Bank create(Bank bank) {
        if (bank(bank.name()).isPresent()) throw new IllegalStateException("bank '" + bank.name() + "' already exists");
        repository.saveBank(bank);
        return write(() -> { banks.put(bank.name(), bank); return bank; });
    }

    public Bank update(Bank bank) {
        Bank old = bank(bank.name()).orElseThrow(() -> new IllegalArgumentException("no bank named '" + bank.name() + "'"));
        if (old.kind() != bank.kind()) throw new IllegalStateException("a bank's kind cannot change (" + old.kind().wireName() + ")");
        repository.saveBank(bank);
        return write(() -> { banks.put(bank.name(), bank); return bank; });
    }

    public boolean delete(String name) {
        boolean existed = repository.deleteBank(name);
        return write(() -> {
            banks.remove(name);
            bySha256.values().forEach(l -> l.removeIf(i -> i.bank().equals(name)));
            withPdq.removeIf(i -> i.bank().equals(name));
            return existed;
        });
    }

    public BankItem add(BankItem item) { return addAll(List.of(item)).get(0); }

    /** All or nothing: an item naming an unknown bank fails the whole call before anything is stored. */
    public List<BankItem> addAll(List<BankItem> items) {
        for (BankItem i : items) if (bank(i.bank()).isEmpty()) throw new IllegalArgumentException("no bank named '" + i.bank() + "'");
        List<BankItem> stored = repository.addAll(items);
        return write(() -> { stored.forEach(this::index); return stored; });
    }

    public List<BankItem> items(String bank) {
        return read(() -> {
            List<BankItem> out = new ArrayList<>();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (List<BankItem> l : bySha256.values()) for (BankItem i : l) if (i.bank().equals(bank) && seen.add(i.id())) out.add(i);
            for (BankItem i : withPdq) if (i.bank().equals(bank) && seen.add(i.id())) out.add(i);
            out.sort(java.util.Comparator.comparingLong(BankItem::id));
            return out;
        });
    }

    public boolean removeItem(long id) {
        boolean removed = repository.removeItem(id);
        return write(() -> {
            bySha256.values().forEach(l -> l.removeIf(i -> i.id() == id));
            withPdq.removeIf(i -> i.id() == id);
            return removed;
        });
    }

    public int removeMedia(String bank, String mediaId) {
        int n = repository.removeMedia(bank, mediaId);
        return write(() -> {
            bySha256.values().forEach(l -> l.removeIf(i -> i.bank().equals(bank) && i.mediaId().equals(Optional.of(mediaId))));
            withPdq.removeIf(i -> i.bank().equals(bank) && i.mediaId().equals(Optional.of(mediaId)));
            return n;
        });
    }

    /**
     * Matches across all banks, one match per item (exact before perceptual). Disabled banks and
     * items disabled until later do not match; shadow-bank matches, and every match when the file
     * also hits an allow-list, come back inert.
     */
    public List<BankMatch> match(Optional<String> sha256, Optional<PdqResult> pdq) {
        return read(() -> {
            java.time.Instant now = clock.instant();
            Map<Long, BankMatch> out = new LinkedHashMap<>();
            sha256.ifPresent(s -> {
                for (BankItem i : bySha256.getOrDefault(s, List.of())) consider(i, "sha256", 0, now).ifPresent(m -> out.put(i.id(), m));
            });
            if (pdq.isPresent()) {
                for (BankItem i : withPdq) {
                    if (out.containsKey(i.id())) continue;
                    Bank b = banks.get(i.bank());
                    if (b == null || pdq.get().quality() < b.qualityFloor() || i.pdq().orElseThrow().quality() < b.qualityFloor()) continue;
                    int d = i.pdq().orElseThrow().hash().distance(pdq.get().hash());
                    if (d <= b.pdqThreshold()) consider(i, "pdq", d, now).ifPresent(m -> out.put(i.id(), m));
                }
            }
            boolean allowListed = out.values().stream().anyMatch(m -> m.kind() == BankKind.ALLOW_LIST && m.acts());
            return out.values().stream().map(m -> allowListed && m.kind() != BankKind.ALLOW_LIST && m.acts() ? m.madeInert("allow-listed") : m).toList();
        });
    }

    public List<BankMatch> match(String sha256, Optional<PdqResult> pdq) { return match(Optional.of(sha256), pdq); }

    public long size() { return read(() -> (long) bySha256.values().stream().mapToInt(List::size).sum() + withPdq.stream().filter(i -> i.sha256().isEmpty()).count()); }

    private Optional<BankMatch> consider(BankItem i, String method, int distance, java.time.Instant now) {
        Bank b = banks.get(i.bank());
        if (b == null || b.state() == BankState.DISABLED || !i.activeAt(now)) return Optional.empty();
        return Optional.of(new BankMatch(b.name(), b.kind(), i.id(), method, distance, i.mediaId(), i.caseId(),
                b.state() == BankState.SHADOW ? Optional.of("shadow") : Optional.empty()));
    }

    private void index(BankItem item) {
        item.sha256().ifPresent(s -> bySha256.computeIfAbsent(s, k -> new ArrayList<>()).add(item));
        if (item.pdq().isPresent()) withPdq.add(item);
    }

    private <T> T read(java.util.function.Supplier<T> s) {
        lock.readLock().lock();
        try {
            return s.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(java.util.function.Supplier<T> s) {
        lock.writeLock().lock();
        try {
            return s.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
