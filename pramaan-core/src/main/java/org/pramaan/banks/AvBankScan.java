package org.pramaan.banks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.pramaan.hash.AudioFingerprint;
import org.pramaan.hash.AudioMatch;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.VpdqAligner;
import org.pramaan.hash.VpdqFrame;
import org.pramaan.hash.VpdqMatch;
import org.pramaan.hash.VpdqMatchRule;
import org.pramaan.hash.VpdqMatcher;

/**
 * The banked items with vPDQ frames or an audio fingerprint, matched by a linear scan: each banked
 * video costs |query frames| × |stored frames| PDQ distances (a 20-frame clip against a 3-minute
 * video at 1 fps: 3,600 popcounts), fine for thousands of banked videos. {@link AvBankIndex} picks
 * candidates first and runs this scan's per-item rules on them only; the scan stays as the oracle
 * the index is tested and benchmarked against. Not thread-safe: {@link BankIndex} guards it with
 * its lock.
 */
final class AvBankScan {
    private final Map<Long, BankItem> items = new LinkedHashMap<>();
    private final AvMatchPolicy policy;

    AvBankScan(AvMatchPolicy policy) {
        this.policy = java.util.Objects.requireNonNull(policy, "policy");
    }

    void index(BankItem item) {
        if (item.av().hasHashes()) items.put(item.id(), item);
    }

    void remove(Predicate<BankItem> which) {
        items.values().removeIf(which);
    }

    Optional<BankItem> item(long id) {
        return Optional.ofNullable(items.get(id));
    }

    Collection<BankItem> items() {
        return items.values();
    }

    /** Adds a match per banked item the query's video or audio is found in; items already in {@code out} are skipped. */
    void match(
            AvHashes query,
            Map<String, Bank> banks,
            BiFunction<BankItem, String, Optional<BankMatch>> consider,
            Map<Long, BankMatch> out) {
        if (!query.hasHashes()) return;
        for (BankItem i : items.values()) {
            Bank b = banks.get(i.bank());
            if (b == null || b.state() == BankState.DISABLED || out.containsKey(i.id())) continue;
            Optional<BankMatch> m = video(query, i, b, consider);
            if (m.isEmpty()) m = audio(query, i, consider);
            m.ifPresent(x -> out.put(i.id(), x));
        }
    }

    Optional<BankMatch> video(
            AvHashes query, BankItem item, Bank bank, BiFunction<BankItem, String, Optional<BankMatch>> consider) {
        if (query.vpdq().isEmpty() || item.av().vpdq().isEmpty()) return Optional.empty();
        // The bank's PDQ threshold is also its per-frame distance (upstream uses 31 for both).
        VpdqMatch m = new VpdqMatcher(bank.pdqThreshold(), VpdqMatchRule.README_UNIQUE_HASHES, VpdqAligner.defaults())
                .match(query.vpdq(), item.av().vpdq());
        double longest = m.segments().stream()
                .mapToDouble(s -> s.queryEnd() - s.queryStart())
                .max()
                .orElse(-1);
        if (m.segments().isEmpty()
                || m.queryMatchPercent() < policy.minQueryPercent()
                || longest < Math.min(policy.minMatchedSeconds(), span(query.vpdq()))) {
            return Optional.empty();
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("queryMatchPercent", fmt(m.queryMatchPercent()));
        d.put("storedMatchPercent", fmt(m.storedMatchPercent()));
        d.put("matchedSeconds", fmt(longest));
        return consider.apply(item, "vpdq").map(x -> x.with(d, m.segments()));
    }

    private Optional<BankMatch> audio(
            AvHashes query, BankItem item, BiFunction<BankItem, String, Optional<BankMatch>> consider) {
        return audio(query, item, consider, (q, r) -> policy.audioMatcher().compare(q, r));
    }

    /** The audio half of the scan with the matcher given: pairwise voting here, an index's votes in {@link AvBankIndex}. */
    Optional<BankMatch> audio(
            AvHashes query,
            BankItem item,
            BiFunction<BankItem, String, Optional<BankMatch>> consider,
            BiFunction<AudioFingerprint, AudioFingerprint, AudioMatch> compare) {
        if (query.audio().isEmpty() || item.av().audio().isEmpty()) return Optional.empty();
        AudioMatch a;
        try {
            a = compare.apply(query.audio().get(), item.av().audio().get());
        } catch (IllegalArgumentException tooLong) {
            return Optional.empty(); // both hours long: beyond the pairwise search's bound, not a match we can claim
        }
        if (!a.matched()) return Optional.empty();
        Map<String, String> d = new LinkedHashMap<>();
        d.put("offsetSeconds", fmt(a.offsetSeconds()));
        d.put("overlapSeconds", fmt(a.overlapSeconds()));
        d.put("bitErrorRate", String.format(Locale.ROOT, "%.4f", a.bitErrorRate()));
        return consider.apply(item, "audio").map(x -> x.with(d, List.of()));
    }

    /** Seconds between the first and last matchable frame of the query. */
    private static double span(List<VpdqFrame> frames) {
        List<VpdqFrame> ok = new ArrayList<>();
        for (VpdqFrame f : frames) if (f.matchable()) ok.add(f);
        return ok.isEmpty()
                ? 0
                : ok.get(ok.size() - 1).timestampSeconds() - ok.get(0).timestampSeconds();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
