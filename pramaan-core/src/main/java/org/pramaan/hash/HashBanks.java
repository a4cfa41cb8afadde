package org.pramaan.hash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Hash banks with an in-memory matcher: exact SHA-256 lookup plus PDQ within
 * {@link #PDQ_MATCH_DISTANCE}. The v1 PDQ search is a linear scan; the multi-index matcher
 * replaces it without changing this API.
 */
public final class HashBanks {
    /** Content removed after a notice or order; re-uploads are blocked (IT Rules r.4(4)). */
    public static final String REMOVED = "removed";
    /** PDQ convention: distance ≤ 31 of 256 bits is a match (Meta pdq README). */
    public static final int PDQ_MATCH_DISTANCE = 31;

    private final HashBankRepository repository;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, List<BankItem>> bySha256 = new HashMap<>();
    private final List<BankItem> withPdq = new ArrayList<>();

    public HashBanks(HashBankRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
        repository.all().forEach(this::index);
    }

    public BankItem add(BankItem item) {
        lock.writeLock().lock();
        try {
            BankItem stored = repository.add(item);
            index(stored);
            return stored;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int removeMedia(String bank, String mediaId) {
        lock.writeLock().lock();
        try {
            int n = repository.removeMedia(bank, mediaId);
            bySha256.values().forEach(l -> l.removeIf(i -> i.bank().equals(bank) && i.mediaId().equals(mediaId)));
            withPdq.removeIf(i -> i.bank().equals(bank) && i.mediaId().equals(mediaId));
            return n;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Matches across all banks, exact first; one match per bank item, the closest. */
    public List<BankMatch> match(String sha256, Optional<PdqResult> pdq) {
        lock.readLock().lock();
        try {
            Map<Long, BankMatch> out = new java.util.LinkedHashMap<>();
            for (BankItem i : bySha256.getOrDefault(sha256, List.of())) {
                out.put(i.id(), new BankMatch(i.bank(), i.id(), "sha256", 0, i.mediaId(), i.caseId()));
            }
            if (pdq.isPresent() && pdq.get().matchable()) {
                for (BankItem i : withPdq) {
                    if (out.containsKey(i.id())) continue;
                    int d = i.pdq().orElseThrow().hash().distance(pdq.get().hash());
                    if (d <= PDQ_MATCH_DISTANCE) out.put(i.id(), new BankMatch(i.bank(), i.id(), "pdq", d, i.mediaId(), i.caseId()));
                }
            }
            return List.copyOf(out.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    public long size() {
        lock.readLock().lock();
        try {
            return bySha256.values().stream().mapToLong(List::size).sum();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void index(BankItem item) {
        bySha256.computeIfAbsent(item.sha256(), k -> new ArrayList<>()).add(item);
        // Low-quality PDQ hashes (near-blank images) match too much to act on (pytx QUALITY_THRESHOLD).
        if (item.pdq().isPresent() && item.pdq().get().matchable()) withPdq.add(item);
    }
}
