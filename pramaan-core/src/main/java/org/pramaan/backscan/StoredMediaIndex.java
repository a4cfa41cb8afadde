package org.pramaan.backscan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.pramaan.banks.BankItem;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqIndex;
import org.pramaan.hash.PdqResult;
import org.pramaan.hash.VpdqFrame;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;

/**
 * A PDQ index over the hashes of the media Pramaan stores (images' PDQ and videos' vPDQ frames), so a
 * bank addition finds the stored media near its new items by searching, not by re-matching the whole
 * corpus. Built once from the store on first use, then kept current from newly screened media.
 * Candidates are only that: each is then matched by the banks' own rules (threshold, quality floor,
 * vPDQ coverage), restricted to the new items.
 */
public final class StoredMediaIndex {
    /** Media per page while building. */
    static final int PAGE = 1000;

    private final MediaRepository media;
    private PdqIndex index;
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();

    public StoredMediaIndex(MediaRepository media) {
        this.media = Objects.requireNonNull(media, "media");
    }

    /** Builds the index from the store if it is not built yet; returns how many media it holds. */
    public synchronized int build() {
        if (index != null) return ids.size();
        List<PdqIndex.Entry> entries = new ArrayList<>();
        String after = "";
        while (true) {
            List<String> page = media.idsAfter(after, PAGE);
            if (page.isEmpty()) break;
            for (String id : page) media.find(id).ifPresent(m -> entries.addAll(entries(m)));
            after = page.get(page.size() - 1);
        }
        index = PdqIndex.build(entries, Runnable::run);
        return ids.size();
    }

    /** Adds newly stored media (a no-op before the first build, which will read it from the store). */
    public synchronized void add(MediaRecord m) {
        if (index == null || positions.containsKey(m.id())) return;
        for (PdqIndex.Entry e : entries(m)) index.add(e.id(), e.hash());
    }

    private List<PdqIndex.Entry> entries(MediaRecord m) {
        List<Hash256> hashes = new ArrayList<>();
        m.pdq().filter(PdqResult::matchable).ifPresent(p -> hashes.add(p.hash()));
        for (VpdqFrame f : m.av().vpdq()) if (f.quality() >= PdqResult.MATCHABLE_QUALITY) hashes.add(f.hash());
        if (hashes.isEmpty()) return List.of();
        int pos = positions.computeIfAbsent(m.id(), k -> {
            ids.add(k);
            return ids.size() - 1;
        });
        return hashes.stream().map(h -> new PdqIndex.Entry(pos, h)).toList();
    }

    /**
     * Stored media that may match any of {@code items}: the same bytes (SHA-256), or a PDQ hash or vPDQ
     * frame within {@link PdqIndex#MULTI_INDEX_RADIUS} bits of the item's. Sorted by id.
     */
    public List<String> candidates(List<BankItem> items) {
        build();
        TreeSet<String> out = new TreeSet<>();
        for (BankItem i : items) {
            i.sha256().filter(s -> media.find(s).isPresent()).ifPresent(out::add);
            List<Hash256> queries = new ArrayList<>();
            i.pdq().ifPresent(p -> queries.add(p.hash()));
            for (VpdqFrame f : i.av().vpdq()) queries.add(f.hash());
            synchronized (this) {
                for (Hash256 q : queries)
                    for (PdqIndex.Hit h : index.search(q, PdqIndex.MULTI_INDEX_RADIUS)) out.add(ids.get((int) h.id()));
            }
        }
        return List.copyOf(out);
    }

    /** Media ids held (tests and the benchmark). */
    public synchronized int size() {
        return ids.size();
    }
}
