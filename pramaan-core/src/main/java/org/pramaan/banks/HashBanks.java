package org.pramaan.banks;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.NotFound;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.PdqIndex;
import org.pramaan.hash.PdqResult;
import org.pramaan.tx.UnitOfWork;

/**
 * Hash banks and their in-memory matcher: exact SHA-256 lookup plus PDQ within each bank's
 * threshold and quality floor. Writes go to the repository first, then to memory (the
 * {@link BankIndex}) once the store committed them ({@link UnitOfWork#afterCommit}): a write that
 * rolls back (an audit append that fails after the item was stored) must leave no phantom entry
 * blocking uploads and no entry missing. Outside a unit of work a new item matches from the moment
 * {@link #add} returns; inside one, from the moment the outermost unit commits. The repository is
 * never called while the in-memory lock is held: callers may already hold the store's lock (a
 * takedown inside a unit of work), and the store-then-memory order must be the only order. PDQ
 * search goes through a {@link PdqIndex}; with a snapshot file, a restart loads the index instead
 * of rebuilding it. Banked vPDQ frames and audio fingerprints are matched through a frame index and
 * an audio sub-fingerprint index, then the linear scan's rules on the candidates ({@link AvBankIndex}), under the rules of an
 * {@link AvMatchPolicy} (issue 18).
 */
public final class HashBanks {
    /** The bank takedowns feed (IT Rules r.4(4)). */
    public static final String REMOVED = "removed";
    /** PDQ convention: distance ≤ 31 of 256 bits is a match (Meta pdq README). */
    public static final int PDQ_MATCH_DISTANCE = 31;

    private final HashBankRepository repository;
    private final UnitOfWork unit;
    private final Clock clock;
    private final BankIndex index;
    private final List<java.util.function.Consumer<List<BankItem>>> additionListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** No index snapshot, the default AV matching rules. */
    public HashBanks(HashBankRepository repository, Clock clock, UnitOfWork unit) {
        this(repository, clock, Optional.empty(), AvMatchPolicy.DEFAULT, unit);
    }

    /**
     * @param indexSnapshot where the PDQ index snapshot lives (read at start when it matches the repository)
     * @param avPolicy      when banked video and audio count as found again
     * @param unit          the repository's unit of work: memory follows the store only after it commits.
     *                      Required (issue 12): without one, a rolled-back write would reach memory
     */
    public HashBanks(
            HashBankRepository repository,
            Clock clock,
            Optional<Path> indexSnapshot,
            AvMatchPolicy avPolicy,
            UnitOfWork unit) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(avPolicy, "avPolicy");
        this.index = new BankIndex(
                repository.banks(), repository.all(), Objects.requireNonNull(indexSnapshot, "indexSnapshot"), avPolicy);
    }

    /** How the PDQ index was opened, or why its last snapshot write failed. */
    public String indexStatus() {
        return index.indexStatus();
    }

    /** Writes the PDQ index snapshot if one is configured and the index changed since it was read or written. */
    public void saveIndexSnapshot() {
        index.saveIndexSnapshot();
    }

    public List<Bank> banks() {
        return index.banks();
    }

    public Optional<Bank> bank(String name) {
        return index.bank(name);
    }

    /** Creates the bank, or returns it unchanged if one of that name and kind exists. */
    public Bank ensure(String name, BankKind kind) {
        Optional<Bank> b = stored(name);
        if (b.isPresent()) {
            if (b.get().kind() != kind)
                throw new Conflict(
                        Conflict.REQUEST_CONFLICT,
                        "bank '" + name + "' exists with kind " + b.get().kind().wireName() + ", not "
                                + kind.wireName());
            return b.get();
        }
        Bank created = Bank.of(name, kind, clock.instant());
        repository.saveBank(created);
        unit.afterCommit(() -> index.putBank(created));
        return created;
    }

    public Bank create(Bank bank) {
        if (stored(bank.name()).isPresent())
            throw new Conflict(Conflict.REQUEST_CONFLICT, "bank '" + bank.name() + "' already exists");
        repository.saveBank(bank);
        unit.afterCommit(() -> index.putBank(bank));
        return bank;
    }

    public Bank update(Bank bank) {
        Bank old = stored(bank.name())
                .orElseThrow(() -> new NotFound("bank.not_found", "no bank named '" + bank.name() + "'"));
        if (old.kind() != bank.kind())
            throw new Conflict(
                    Conflict.REQUEST_CONFLICT,
                    "a bank's kind cannot change (" + old.kind().wireName() + ")");
        repository.saveBank(bank);
        unit.afterCommit(() -> index.putBank(bank));
        return bank;
    }

    public boolean delete(String name) {
        boolean existed = repository.deleteBank(name);
        unit.afterCommit(() -> index.removeBank(name));
        return existed;
    }

    public BankItem add(BankItem item) {
        return addAll(List.of(item)).get(0);
    }

    /** All or nothing: an item naming an unknown bank fails the whole call before anything is stored. */
    public List<BankItem> addAll(List<BankItem> items) {
        // The store, not memory, says which banks exist: a bank created earlier in the same unit is not in memory yet.
        java.util.Set<String> known = new java.util.HashSet<>();
        for (BankItem i : items) {
            if (!known.contains(i.bank()) && stored(i.bank()).isEmpty())
                throw new NotFound("bank.not_found", "no bank named '" + i.bank() + "'");
            known.add(i.bank());
        }
        List<BankItem> stored = repository.addAll(items);
        unit.afterCommit(() -> {
            index.add(stored);
            for (java.util.function.Consumer<List<BankItem>> l : additionListeners) l.accept(stored);
        });
        return stored;
    }

    /**
     * Tells {@code listener} of items once they are committed (the back-scan trigger, issue 17). It runs
     * in the committing thread's after-commit hook, so it must only hand the items on, never wait for
     * the store.
     */
    public void onItemsAdded(java.util.function.Consumer<List<BankItem>> listener) {
        additionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Applies a change another node committed (issue 15) to this node's index only: the store has it already. Every
     * change is idempotent (an item already indexed is not indexed twice), so a change delivered again is harmless.
     */
    public void apply(BankChangeLog.Change c) {
        switch (c.op()) {
            case ADD -> index.addAbsent(org.pramaan.json.Json.read(c.payload(), BankItem.class));
            case REMOVE_ITEM -> {
                long id = Long.parseLong(c.payload());
                index.removeItems(i -> i.id() == id);
            }
            case REMOVE_MEDIA ->
                index.removeItems(i -> i.bank().equals(c.bank()) && i.mediaId().equals(Optional.of(c.payload())));
            case BANK -> index.putBank(org.pramaan.json.Json.read(c.payload(), Bank.class));
            case DELETE_BANK -> index.removeBank(c.bank());
        }
    }

    public List<BankItem> items(String bank) {
        return index.items(bank);
    }

    /**
     * A curator's search: the bank's items whose PDQ hash is within {@code radius} bits of {@code hash}, nearest first,
     * through the PDQ index whatever the bank's state (a disabled bank is searched too). At most
     * {@link PdqIndex#MULTI_INDEX_RADIUS} (31, PDQ's match convention), the radius the index answers.
     */
    public List<BankItemHit> near(String bank, org.pramaan.hash.Hash256 hash, int radius) {
        if (radius < 0 || radius > PdqIndex.MULTI_INDEX_RADIUS)
            throw new org.pramaan.errors.Invalid(
                    "distance", "distance " + radius + " is outside 0.." + PdqIndex.MULTI_INDEX_RADIUS);
        return index.near(bank, hash, radius);
    }

    public boolean removeItem(long id) {
        boolean removed = repository.removeItem(id);
        unit.afterCommit(() -> index.removeItems(i -> i.id() == id));
        return removed;
    }

    public int removeMedia(String bank, String mediaId) {
        int n = repository.removeMedia(bank, mediaId);
        unit.afterCommit(() ->
                index.removeItems(i -> i.bank().equals(bank) && i.mediaId().equals(Optional.of(mediaId))));
        return n;
    }

    /**
     * Matches across all banks, one match per item (exact before perceptual). Disabled banks and
     * items disabled until later do not match; shadow-bank matches, and every match when the file
     * also hits an allow-list, come back inert.
     */
    public List<BankMatch> match(Optional<String> sha256, Optional<PdqResult> pdq) {
        return match(sha256, pdq, AvHashes.NONE);
    }

    /** As {@link #match(Optional, Optional)}, also finding the file's video frames and audio in banked videos and audio (exact, then PDQ, then vPDQ/audio). */
    public List<BankMatch> match(Optional<String> sha256, Optional<PdqResult> pdq, AvHashes media) {
        return index.match(sha256, pdq, media, clock::instant, false);
    }

    /**
     * As {@link #match(Optional, Optional, AvHashes)}, but banked video and audio by a linear scan of
     * every banked item instead of the frame and sub-fingerprint indexes: the reference the indexed
     * path is tested and benchmarked against (issue 18), not for serving.
     */
    public List<BankMatch> matchByScan(Optional<String> sha256, Optional<PdqResult> pdq, AvHashes media) {
        return index.match(sha256, pdq, media, clock::instant, true);
    }

    /**
     * Counts, once per bank, the shadow banks among one screened upload's matches (the console's
     * shadow-hit counts). Called by screening, not by lookups, so a count is uploads, not queries.
     */
    public void countShadowHits(List<BankMatch> matches) {
        java.util.Set<String> shadow = new java.util.TreeSet<>();
        for (BankMatch m : matches) if (m.inert().filter("shadow"::equals).isPresent()) shadow.add(m.bank());
        if (!shadow.isEmpty()) repository.countShadowHits(shadow);
    }

    /** Uploads matched by each shadow bank (banks never hit are absent). */
    public java.util.Map<String, Long> shadowHits() {
        return repository.shadowHits();
    }

    /** Sizes of the banked video and audio indexes. */
    public AvIndexStats avIndexStats() {
        return index.avStats();
    }

    public List<BankMatch> match(String sha256, Optional<PdqResult> pdq) {
        return match(Optional.of(sha256), pdq);
    }

    public long size() {
        return index.size();
    }

    /** The bank as the store has it (inside a unit: including what the unit wrote but memory does not show yet). */
    private Optional<Bank> stored(String name) {
        return repository.banks().stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
