package org.pramaan.banks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.pramaan.hash.AudioFingerprint;
import org.pramaan.hash.AudioIndex;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.VpdqAligner;

/**
 * Banked vPDQ frames and audio fingerprints, indexed: frames in a {@link VideoFrameIndex}, audio in
 * an {@link AudioIndex}. Each picks the items that can match, and {@link AvBankScan}'s own per-item
 * rules decide on those, in the scan's item order, so the result equals the scan's (issue 18: a 20 s
 * clip against 100,000 banked 3-minute videos was 6–7 s by the scan). The scan is kept, holding the
 * items, as the reference: {@link #matchByScan} runs it. One exception, documented on
 * {@link AudioIndex#candidates}: a banked sound sharing no sub-fingerprint within 2 bits with the
 * query is not compared. Not thread-safe: {@link BankIndex} locks.
 */
final class AvBankIndex {
    private final AvBankScan scan;
    private final AvMatchPolicy policy;
    private final VideoFrameIndex video;
    private final AudioIndex audio = new AudioIndex();
    private final Map<Long, Long> order = new HashMap<>();
    private long next;

    AvBankIndex(List<BankItem> items, AvMatchPolicy policy, Executor merger) {
        this.scan = new AvBankScan(policy);
        this.policy = policy;
        List<BankItem> av = new ArrayList<>();
        for (BankItem i : items) if (i.av().hasHashes()) av.add(i);
        this.video = new VideoFrameIndex(av, merger);
        place(av);
    }

    void index(BankItem item) {
        indexAll(List.of(item));
    }

    void indexAll(List<BankItem> items) {
        List<BankItem> av = new ArrayList<>();
        for (BankItem i : items) {
            if (!i.av().hasHashes()) continue;
            av.add(i);
            video.add(i);
            audio.remove(i.id()); // a re-indexed item may have lost its sound
        }
        place(av);
    }

    /** Whether an item of this id is indexed (its place in item order is kept per id). */
    boolean contains(long id) {
        return order.containsKey(id);
    }

    void remove(Predicate<BankItem> which) {
        for (BankItem i : scan.items()) {
            if (!which.test(i)) continue;
            video.remove(i.id());
            audio.remove(i.id());
            order.remove(i.id());
        }
        scan.remove(which);
    }

    Collection<BankItem> items() {
        return scan.items();
    }

    AvIndexStats stats() {
        return new AvIndexStats(
                (int) scan.items().stream()
                        .filter(i -> !i.av().vpdq().isEmpty())
                        .count(),
                video.frames(),
                video.memoryBytes(),
                audio.size(),
                audio.memoryBytes());
    }

    /** The linear scan over every banked item: the reference this index must agree with. */
    void matchByScan(
            AvHashes query,
            Map<String, Bank> banks,
            BiFunction<BankItem, String, Optional<BankMatch>> consider,
            Map<Long, BankMatch> out) {
        scan.match(query, banks, consider, out);
    }

    /** As {@link AvBankScan#match}, on the candidates the indexes give. */
    void match(
            AvHashes query,
            Map<String, Bank> banks,
            BiFunction<BankItem, String, Optional<BankMatch>> consider,
            Map<Long, BankMatch> out) {
        if (!query.hasHashes()) return;
        // Items of disabled banks never match, so their thresholds need not widen the search.
        int radius = banks.values().stream()
                .filter(b -> b.state() != BankState.DISABLED)
                .mapToInt(Bank::pdqThreshold)
                .max()
                .orElse(-1);
        if (radius < 0) return;
        VpdqAligner aligner = VpdqAligner.defaults(); // what AvBankScan.video matches with
        Set<Long> videos = query.vpdq().isEmpty() ? Set.of() : video.candidates(query.vpdq(), radius, policy, aligner);
        Map<Long, AudioIndex.Votes> sounds = new HashMap<>();
        query.audio().ifPresent(a -> {
            for (AudioIndex.Candidate c : audio.candidates(a)) sounds.put(c.key(), c.votes());
        });
        TreeMap<Long, Long> byOrder = new TreeMap<>();
        for (long id : videos) byOrder.put(order.get(id), id);
        for (long id : sounds.keySet()) byOrder.put(order.get(id), id);
        for (long id : byOrder.values()) {
            BankItem i = scan.item(id).orElseThrow();
            Bank b = banks.get(i.bank());
            if (b == null || b.state() == BankState.DISABLED || out.containsKey(id)) continue;
            Optional<BankMatch> m = videos.contains(id) ? scan.video(query, i, b, consider) : Optional.empty();
            AudioIndex.Votes votes = sounds.get(id);
            if (m.isEmpty() && votes != null && mayMatch(query, i, votes))
                m = scan.audio(
                        query,
                        i,
                        consider,
                        (AudioFingerprint q, AudioFingerprint r) ->
                                policy.audioMatcher().compare(q, r, votes));
            m.ifPresent(x -> out.put(id, x));
        }
    }

    /** A necessary condition of the audio rule, without the chance rate; a refused pair falls to the scan's code. */
    private boolean mayMatch(AvHashes query, BankItem item, AudioIndex.Votes votes) {
        if (query.audio().isEmpty() || item.av().audio().isEmpty()) return false;
        try {
            return policy.audioMatcher()
                    .mayMatch(query.audio().get(), item.av().audio().get(), votes);
        } catch (IllegalArgumentException tooLong) {
            return true; // let AvBankScan.audio give its own answer for pairs beyond the pairwise bound
        }
    }

    private void place(List<BankItem> items) {
        Map<Long, AudioFingerprint> sounds = new LinkedHashMap<>();
        for (BankItem i : items) {
            scan.index(i);
            order.putIfAbsent(i.id(), next++);
            i.av().audio().ifPresent(a -> sounds.put(i.id(), a));
        }
        audio.addAll(sounds);
    }
}
