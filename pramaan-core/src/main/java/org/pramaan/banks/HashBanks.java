package org.pramaan.banks;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.NotFound;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.PdqIndex;
import org.pramaan.hash.PdqResult;


import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.pramaan.tx.UnitOfWork;

/**
 * Hash banks and their in-memory matcher: exact SHA-256 lookup plus PDQ within each bank's
 * threshold and quality floor. Writes go to the repository first, then to memory once the store
 * committed them ({@link UnitOfWork#afterCommit}): a write that rolls back (an audit append that
 * fails after the item was stored) must leave no phantom entry blocking uploads and no entry
 * missing. Outside a unit of work a new item matches from the moment {@link #add} returns; inside
 * one, from the moment the outermost unit commits. The repository is never called while the
 * in-memory lock is held: callers may already hold the store's lock (a takedown inside a unit of
 * work), and the store-then-memory order must be the only order. PDQ search goes through a
 * {@link PdqIndex} (exact, so results equal the linear scan it replaced) at the largest threshold
 * of any bank that can match; each hit is then held to its own bank's threshold, quality floor and
 * state. With a snapshot file, a restart loads the index instead of rebuilding it. Banked vPDQ
 * frames and audio fingerprints are matched by a linear scan ({@link AvBankScan}) under the
 * rules of an {@link AvMatchPolicy}.
 */
public final class HashBanks {
    /** The bank takedowns feed (IT Rules r.4(4)). */
    public static final String REMOVED = "removed";
    /** PDQ convention: distance ≤ 31 of 256 bits is a match (Meta pdq README). */
    public static final int PDQ_MATCH_DISTANCE = 31;

    private final HashBankRepository repository;
    private final UnitOfWork unit;
    private final Clock clock;
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
    private final AvBankScan av;
    private final Optional<Path> snapshot;
    private volatile boolean indexChanged;
    private volatile String indexStatus;

    public HashBanks(HashBankRepository repository, Clock clock) { this(repository, clock, Optional.empty()); }

    /** @param indexSnapshot where the PDQ index snapshot lives (read at start when it matches the repository) */
    public HashBanks(HashBankRepository repository, Clock clock, Optional<Path> indexSnapshot) { this(repository, clock, indexSnapshot, AvMatchPolicy.DEFAULT); }

    /** @param avPolicy when banked video and audio count as found again */
    public HashBanks(HashBankRepository repository, Clock clock, Optional<Path> indexSnapshot, AvMatchPolicy avPolicy) {
        this(repository, clock, indexSnapshot, avPolicy, UnitOfWork.none());
    }

    /** @param unit the repository's unit of work: memory follows the store only after it commits */
    public HashBanks(HashBankRepository repository, Clock clock, Optional<Path> indexSnapshot, AvMatchPolicy avPolicy, UnitOfWork unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.av = new AvBankScan(avPolicy);
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshot = Objects.requireNonNull(indexSnapshot, "indexSnapshot");
        repository.banks().forEach(b -> banks.put(b.name(), b));
        List<PdqIndex.Entry> entries = new ArrayList<>();
        for (BankItem i : repository.all()) {
            indexSha(i);
            av.index(i);
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
            indexStatus = o.fromSnapshot() ? "loaded from " + snapshot.get() : "rebuilt: " + o.snapshotProblem().orElse("");
            indexChanged = !o.fromSnapshot();
        }
    }

    /** How the PDQ index was opened, or why its last snapshot write failed. */
    public String indexStatus() { return indexStatus; }

    /** Writes the PDQ index snapshot if one is configured and the index changed since it was read or written. */
    public void saveIndexSnapshot() {
        if (snapshot.isEmpty() || !indexChanged) return;
        try {
            indexChanged = false;
            pdqIndex.writeSnapshot(snapshot.get());
        } catch (IOException | RuntimeException e) {
            indexChanged = true;
            indexStatus = "snapshot write failed: " + e.getMessage();
        }
    }

    public List<Bank> banks() { return read(() -> List.copyOf(banks.values())); }

    public Optional<Bank> bank(String name) { return read(() -> Optional.ofNullable(banks.get(name))); }

    /** Creates the bank, or returns it unchanged if one of that name and kind exists. */
    public Bank ensure(String name, BankKind kind) {
        Optional<Bank> b = stored(name);
        if (b.isPresent()) {
            if (b.get().kind() != kind) throw new Conflict(Conflict.REQUEST_CONFLICT, "bank '" + name + "' exists with kind " + b.get().kind().wireName() + ", not " + kind.wireName());
            return b.get();
        }
        Bank created = Bank.of(name, kind, clock.instant());
        repository.saveBank(created);
        afterCommit(() -> banks.put(name, created));
        return created;
    }

    public Bank create(Bank bank) {
        if (stored(bank.name()).isPresent()) throw new Conflict(Conflict.REQUEST_CONFLICT, "bank '" + bank.name() + "' already exists");
        repository.saveBank(bank);
        afterCommit(() -> banks.put(bank.name(), bank));
        return bank;
    }

    public Bank update(Bank bank) {
        Bank old = stored(bank.name()).orElseThrow(() -> new NotFound("bank.not_found", "no bank named '" + bank.name() + "'"));
        if (old.kind() != bank.kind()) throw new Conflict(Conflict.REQUEST_CONFLICT, "a bank's kind cannot change (" + old.kind().wireName() + ")");
        repository.saveBank(bank);
        afterCommit(() -> banks.put(bank.name(), bank));
        return bank;
    }

    public boolean delete(String name) {
        boolean existed = repository.deleteBank(name);
        afterCommit(() -> {
            banks.remove(name);
            bySha256.values().forEach(l -> l.removeIf(i -> i.bank().equals(name)));
            removePdq(i -> i.bank().equals(name));
            av.remove(i -> i.bank().equals(name));
        });
        return existed;
    }

    public BankItem add(BankItem item) { return addAll(List.of(item)).get(0); }

    /** All or nothing: an item naming an unknown bank fails the whole call before anything is stored. */
    public List<BankItem> addAll(List<BankItem> items) {
        // The store, not memory, says which banks exist: a bank created earlier in the same unit is not in memory yet.
        java.util.Set<String> known = new java.util.HashSet<>();
        for (BankItem i : items) {
            if (!known.contains(i.bank()) && stored(i.bank()).isEmpty()) throw new NotFound("bank.not_found", "no bank named '" + i.bank() + "'");
            known.add(i.bank());
        }
        List<BankItem> stored = repository.addAll(items);
        afterCommit(() -> stored.forEach(this::index));
        return stored;
    }

    public List<BankItem> items(String bank) {
        return read(() -> {
            List<BankItem> out = new ArrayList<>();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (List<BankItem> l : bySha256.values()) for (BankItem i : l) if (i.bank().equals(bank) && seen.add(i.id())) out.add(i);
            for (BankItem i : withPdq.values()) if (i.bank().equals(bank) && seen.add(i.id())) out.add(i);
            for (BankItem i : av.items()) if (i.bank().equals(bank) && seen.add(i.id())) out.add(i);
            out.sort(java.util.Comparator.comparingLong(BankItem::id));
            return out;
        });
    }

    public boolean removeItem(long id) {
        boolean removed = repository.removeItem(id);
        afterCommit(() -> {
            bySha256.values().forEach(l -> l.removeIf(i -> i.id() == id));
            removePdq(i -> i.id() == id);
            av.remove(i -> i.id() == id);
        });
        return removed;
    }

    public int removeMedia(String bank, String mediaId) {
        int n = repository.removeMedia(bank, mediaId);
        afterCommit(() -> {
            bySha256.values().forEach(l -> l.removeIf(i -> i.bank().equals(bank) && i.mediaId().equals(Optional.of(mediaId))));
            removePdq(i -> i.bank().equals(bank) && i.mediaId().equals(Optional.of(mediaId)));
            av.remove(i -> i.bank().equals(bank) && i.mediaId().equals(Optional.of(mediaId)));
        });
        return n;
    }

    /**
     * Matches across all banks, one match per item (exact before perceptual). Disabled banks and
     * items disabled until later do not match; shadow-bank matches, and every match when the file
     * also hits an allow-list, come back inert.
     */
    public List<BankMatch> match(Optional<String> sha256, Optional<PdqResult> pdq) { return match(sha256, pdq, AvHashes.NONE); }

    /** As {@link #match(Optional, Optional)}, also finding the file's video frames and audio in banked videos and audio (exact, then PDQ, then vPDQ/audio). */
    public List<BankMatch> match(Optional<String> sha256, Optional<PdqResult> pdq, AvHashes media) {
        return read(() -> {
            java.time.Instant now = clock.instant();
            Map<Long, BankMatch> out = new LinkedHashMap<>();
            sha256.ifPresent(s -> {
                for (BankItem i : bySha256.getOrDefault(s, List.of())) consider(i, "sha256", 0, now).ifPresent(m -> out.put(i.id(), m));
            });
            pdq.ifPresent(q -> matchPdq(q, now, out));
            av.match(media, banks, (i, method) -> consider(i, method, 0, now), out);
            boolean allowListed = out.values().stream().anyMatch(m -> m.kind() == BankKind.ALLOW_LIST && m.acts());
            return out.values().stream().map(m -> allowListed && m.kind() != BankKind.ALLOW_LIST && m.acts() ? m.madeInert("allow-listed") : m).toList();
        });
    }

    public List<BankMatch> match(String sha256, Optional<PdqResult> pdq) { return match(Optional.of(sha256), pdq); }

    public long size() {
        return read(() -> (long) bySha256.values().stream().mapToInt(List::size).sum() + withPdq.values().stream().filter(i -> i.sha256().isEmpty()).count()
                + av.items().stream().filter(i -> i.sha256().isEmpty() && i.pdq().isEmpty()).count());
    }

    /** One index search at the widest threshold any matching bank uses; hits in item order, like the scan it replaced. */
    private void matchPdq(PdqResult q, java.time.Instant now, Map<Long, BankMatch> out) {
        int radius = banks.values().stream().filter(b -> b.state() != BankState.DISABLED && q.quality() >= b.qualityFloor())
                .mapToInt(Bank::pdqThreshold).max().orElse(-1);
        if (radius < 0 || withPdq.isEmpty()) return;
        List<PdqIndex.Hit> hits = new ArrayList<>(pdqIndex.search(q.hash(), radius));
        hits.sort(java.util.Comparator.comparingLong(PdqIndex.Hit::id));
        for (PdqIndex.Hit h : hits) {
            BankItem i = withPdq.get(h.id());
            if (i == null || out.containsKey(i.id())) continue;
            Bank b = banks.get(i.bank());
            if (b == null || q.quality() < b.qualityFloor() || i.pdq().orElseThrow().quality() < b.qualityFloor()) continue;
            if (h.distance() <= b.pdqThreshold()) consider(i, "pdq", h.distance(), now).ifPresent(m -> out.put(i.id(), m));
        }
    }

    private void removePdq(java.util.function.Predicate<BankItem> which) {
        List<Long> gone = withPdq.values().stream().filter(which).map(BankItem::id).toList();
        for (long id : gone) {
            withPdq.remove(id);
            pdqIndex.remove(id);
        }
        if (!gone.isEmpty()) indexChanged = true;
    }

    private Optional<BankMatch> consider(BankItem i, String method, int distance, java.time.Instant now) {
        Bank b = banks.get(i.bank());
        if (b == null || b.state() == BankState.DISABLED || !i.activeAt(now)) return Optional.empty();
        return Optional.of(new BankMatch(b.name(), b.kind(), i.id(), method, distance, i.mediaId(), i.caseId(),
                b.state() == BankState.SHADOW ? Optional.of("shadow") : Optional.empty()));
    }

    private void index(BankItem item) {
        indexSha(item);
        av.index(item);
        item.pdq().ifPresent(p -> {
            withPdq.put(item.id(), item);
            pdqIndex.add(item.id(), p.hash());
            indexChanged = true;
        });
    }

    private void indexSha(BankItem item) { item.sha256().ifPresent(s -> bySha256.computeIfAbsent(s, k -> new ArrayList<>()).add(item)); }

    /** The bank as the store has it (inside a unit: including what the unit wrote but memory does not show yet). */
    private Optional<Bank> stored(String name) {
        return repository.banks().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** Applies a change to memory under the write lock once the store's change committed. */
    private void afterCommit(Runnable change) {
        unit.afterCommit(() -> write(() -> {
            change.run();
            return null;
        }));
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
