package org.pramaan.backscan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.banks.BankItem;

/**
 * The automatic trigger: when a bank gains items, the stored media near them (found through the
 * {@link StoredMediaIndex}) are scanned for matches to those new items only. The seeds' "prevent,
 * avoid and thoroughly cleanse": content banked today must be found where the platform already hosts
 * it, not only at the next upload. Nothing near: no job (the bank addition's own audit entry stands).
 */
public final class BankAdditionScans {
    /** Most new bank items one triggered job is restricted to (a larger import makes several jobs). */
    public static final int MAX_ITEMS_PER_JOB = 10_000;

    static final Actor ACTOR = Actor.component("backscan");

    private final BackScans scans;
    private final StoredMediaIndex index;
    private final ScanPolicy policy;

    public BankAdditionScans(BackScans scans, StoredMediaIndex index, ScanPolicy policy) {
        this.scans = Objects.requireNonNull(scans, "scans");
        this.index = Objects.requireNonNull(index, "index");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Starts the jobs for items just added to banks; returns them (none when no stored media is near). */
    public List<ScanJob> added(List<BankItem> items) {
        List<ScanJob> started = new ArrayList<>();
        for (int from = 0; from < items.size(); from += MAX_ITEMS_PER_JOB) {
            List<BankItem> chunk = items.subList(from, Math.min(items.size(), from + MAX_ITEMS_PER_JOB));
            List<String> near = index.candidates(chunk);
            if (near.isEmpty()) continue;
            List<Long> ids = chunk.stream().map(BankItem::id).toList();
            started.add(scans.create(ScanSource.bankAddition(near, ids), policy, near.size(), "bank-addition", ACTOR));
        }
        return List.copyOf(started);
    }

    /** The stored-media index this trigger queries (kept current by newly screened media). */
    public StoredMediaIndex index() {
        return index;
    }

    /** The policy of triggered jobs. */
    public Optional<String> noticeType() {
        return policy.noticeType();
    }
}
