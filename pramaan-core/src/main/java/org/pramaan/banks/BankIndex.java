package org.pramaan.banks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.PdqIndex;
import org.pramaan.hash.PdqResult;

/**
 * The matching side of {@link HashBanks}: the banks and items held in memory and the lookups over
 * them, exact SHA-256, PDQ through a {@link PdqIndex} (exact, so results equal the linear scan it
 * replaced) at the largest threshold of any bank that can match, each hit then held to its own
 * bank's threshold, quality floor and state; banked vPDQ frames and audio by {@link AvBankIndex}
 * (candidates from indexes, then the {@link AvBankScan}'s rules).
 * It never reads the repository: {@link HashBanks} writes the store and applies the same change
 * here once the store committed it. Every method takes the read or write lock for its whole work,
 * so a change (a bank deleted with all its items) is seen whole or not at all.
 */
final class BankIndex {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Bank> banks = new LinkedHashMap<>();
    private final Map<String, List<BankItem>> bySha256 = new HashMap<>();
    private final Map<Long, BankItem> withPdq = new HashMap<>();
    private final ExecutorService merger = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pdq-index-merge");
        t.setDaemon(true);
        return t;
    });
    private final PdqIndex pdqIndex;
    private final AvBankIndex av;
    private final Optional<Path> snapshot;
    private volatile boolean indexChanged;
    private volatile String indexStatus;

    /** @param snapshot where the PDQ index snapshot lives (read when it matches {@code items}, else the index is rebuilt) */
    BankIndex(List<Bank> stored, List<BankItem> items, Optional<Path> snapshot, AvMatchPolicy avPolicy) {
        this.av = new AvBankIndex(items, avPolicy, merger);
        this.snapshot = snapshot;
        stored.forEach(b -> banks.put(b.name(), b));
        List<PdqIndex.Entry> entries = new ArrayList<>();
        for (BankItem i : items) {
            indexSha(i);
            i.pdq().ifPresent(p -> {
                withPdq.put(i.id(), i);
                entries.add(new PdqIndex.Entry(i.id(), p.hash()));
            });
        }
        if (snapshot.isEmpty()) {
            pdqIndex = PdqIndex.build(entries, merger);
            indexStatus = "built from the repository (" + entries.size() + " PDQ hashes)";
        } else {
            PdqIndex.Opened o = PdqIndex.loadOrBuild(snapshot.get(), entries, merger);
            pdqIndex = o.index();
            indexStatus = o.fromSnapshot()
                    ? "loaded from " + snapshot.get()
                    : "rebuilt: " + o.snapshotProblem().orElse("");
            indexChanged = !o.fromSnapshot();
        }
    }

    AvIndexStats avStats() {
        return read(av::stats);
    }

    String indexStatus() {
        return indexStatus;
    }

    void saveIndexSnapshot() {
        if (snapshot.isEmpty() || !indexChanged) return;
        try {
            indexChanged = false;
            pdqIndex.writeSnapshot(snapshot.get());
        } catch (IOException | RuntimeException e) {
            indexChanged = true;
            indexStatus = "snapshot write failed: " + e.getMessage();
        }
    }

    List<Bank> banks() {
        return read(() -> List.copyOf(banks.values()));
    }

    Optional<Bank> bank(String name) {
        return read(() -> Optional.ofNullable(banks.get(name)));
    }

    List<BankItem> items(String bank) {
        return read(() -> {
            List<BankItem> out = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (List<BankItem> l : bySha256.values())
                for (BankItem i : l) if (i.bank().equals(bank) && seen.add(i.id())) out.add(i);
            for (BankItem i : withPdq.values()) if (i.bank().equals(bank) && seen.add(i.id())) out.add(i);
            for (BankItem i : av.items()) if (i.bank().equals(bank) && seen.add(i.id())) out.add(i);
            out.sort(Comparator.comparingLong(BankItem::id));
            return out;
        });
    }

    /** Items of {@code bank} whose PDQ hash lies within {@code radius} bits of {@code q}, nearest first. */
    List<BankItemHit> near(String bank, org.pramaan.hash.Hash256 q, int radius) {
        return read(() -> {
            List<BankItemHit> out = new ArrayList<>();
            for (PdqIndex.Hit h : pdqIndex.search(q, radius)) {
                BankItem i = withPdq.get(h.id());
                if (i != null && i.bank().equals(bank)) out.add(new BankItemHit(i, h.distance()));
            }
            out.sort(Comparator.comparingInt(BankItemHit::distance)
                    .thenComparingLong(x -> x.item().id()));
            return out;
        });
    }

    long size() {
        return read(() -> (long) bySha256.values().stream().mapToInt(List::size).sum()
                + withPdq.values().stream().filter(i -> i.sha256().isEmpty()).count()
                + av.items().stream()
                        .filter(i -> i.sha256().isEmpty() && i.pdq().isEmpty())
                        .count());
    }

    /** See {@link HashBanks#match(Optional, Optional, AvHashes)}. */
    List<BankMatch> match(
            Optional<String> sha256, Optional<PdqResult> pdq, AvHashes media, Supplier<Instant> clock, boolean byScan) {
        return read(() -> {
            Instant now = clock.get();
            Map<Long, BankMatch> out = new LinkedHashMap<>();
            sha256.ifPresent(s -> {
                for (BankItem i : bySha256.getOrDefault(s, List.of()))
                    consider(i, "sha256", 0, now).ifPresent(m -> out.put(i.id(), m));
            });
            pdq.ifPresent(q -> matchPdq(q, now, out));
            if (byScan) av.matchByScan(media, banks, (i, method) -> consider(i, method, 0, now), out);
            else av.match(media, banks, (i, method) -> consider(i, method, 0, now), out);
            boolean allowListed = out.values().stream().anyMatch(m -> m.kind() == BankKind.ALLOW_LIST && m.acts());
            return out.values().stream()
                    .map(m -> allowListed && m.kind() != BankKind.ALLOW_LIST && m.acts()
                            ? m.madeInert("allow-listed")
                            : m)
                    .toList();
        });
    }

    /** A bank created or changed. */
    void putBank(Bank bank) {
        write(() -> banks.put(bank.name(), bank));
    }

    /** A bank deleted with all its items. */
    void removeBank(String name) {
        write(() -> {
            banks.remove(name);
            removeNow(i -> i.bank().equals(name));
            return null;
        });
    }

    void add(List<BankItem> items) {
        write(() -> {
            items.forEach(this::index);
            av.indexAll(items);
            return null;
        });
    }

    /** Adds {@code item} unless an item of its id is indexed already (a change delivered twice). */
    void addAbsent(BankItem item) {
        write(() -> {
            boolean known = withPdq.containsKey(item.id())
                    || item.sha256()
                            .map(s ->
                                    bySha256.getOrDefault(s, List.of()).stream().anyMatch(i -> i.id() == item.id()))
                            .orElse(false)
                    || av.contains(item.id());
            if (!known) {
                index(item);
                av.indexAll(List.of(item));
            }
            return null;
        });
    }

    void removeItems(Predicate<BankItem> which) {
        write(() -> {
            removeNow(which);
            return null;
        });
    }

    private void removeNow(Predicate<BankItem> which) {
        bySha256.values().forEach(l -> l.removeIf(which));
        List<Long> gone =
                withPdq.values().stream().filter(which).map(BankItem::id).toList();
        for (long id : gone) {
            withPdq.remove(id);
            pdqIndex.remove(id);
        }
        if (!gone.isEmpty()) indexChanged = true;
        av.remove(which);
    }

    /** One index search at the widest threshold any matching bank uses; hits in item order, like the scan it replaced. */
    private void matchPdq(PdqResult q, Instant now, Map<Long, BankMatch> out) {
        int radius = banks.values().stream()
                .filter(b -> b.state() != BankState.DISABLED && q.quality() >= b.qualityFloor())
                .mapToInt(Bank::pdqThreshold)
                .max()
                .orElse(-1);
        if (radius < 0 || withPdq.isEmpty()) return;
        List<PdqIndex.Hit> hits = new ArrayList<>(pdqIndex.search(q.hash(), radius));
        hits.sort(Comparator.comparingLong(PdqIndex.Hit::id));
        for (PdqIndex.Hit h : hits) {
            BankItem i = withPdq.get(h.id());
            if (i == null || out.containsKey(i.id())) continue;
            Bank b = banks.get(i.bank());
            if (b == null
                    || q.quality() < b.qualityFloor()
                    || i.pdq().orElseThrow().quality() < b.qualityFloor()) continue;
            if (h.distance() <= b.pdqThreshold())
                consider(i, "pdq", h.distance(), now).ifPresent(m -> out.put(i.id(), m));
        }
    }

    private Optional<BankMatch> consider(BankItem i, String method, int distance, Instant now) {
        Bank b = banks.get(i.bank());
        if (b == null || b.state() == BankState.DISABLED || !i.activeAt(now)) return Optional.empty();
        return Optional.of(new BankMatch(
                b.name(),
                b.kind(),
                i.id(),
                method,
                distance,
                i.mediaId(),
                i.caseId(),
                b.state() == BankState.SHADOW ? Optional.of("shadow") : Optional.empty()));
    }

    private void index(BankItem item) {
        indexSha(item);
        item.pdq().ifPresent(p -> {
            withPdq.put(item.id(), item);
            pdqIndex.add(item.id(), p.hash());
            indexChanged = true;
        });
    }

    private void indexSha(BankItem item) {
        item.sha256()
                .ifPresent(
                        s -> bySha256.computeIfAbsent(s, k -> new ArrayList<>()).add(item));
    }

    private <T> T read(Supplier<T> s) {
        lock.readLock().lock();
        try {
            return s.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> s) {
        lock.writeLock().lock();
        try {
            return s.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
