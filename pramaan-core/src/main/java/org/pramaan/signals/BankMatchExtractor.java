package org.pramaan.signals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.pramaan.banks.BankMatch;
import org.pramaan.banks.HashBanks;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.ContentDigests;
import org.pramaan.hash.VpdqSegment;

/**
 * Matches what earlier extractors computed (the SHA-256 of {@link SignalInput#DIGESTS},
 * {@link SignalInput#PDQ}, {@link SignalInput#AV_HASHES}) against the hash banks; leaves
 * {@link SignalInput#BANK_MATCHES} (possibly empty) for the decision. A hash no earlier extractor
 * computed is simply not matched, so this goes after the hashing extractors in the list.
 * A match that acts (a removal, an NCII or CSAM bank) is STRONG; the others are recorded for
 * reviewers.
 */
public final class BankMatchExtractor implements SignalExtractor {
    private final HashBanks banks;

    public BankMatchExtractor(HashBanks banks) {
        this.banks = Objects.requireNonNull(banks, "banks");
    }

    @Override
    public List<Signal> extract(SignalInput input) {
        List<BankMatch> matches = banks.match(
                input.get(SignalInput.DIGESTS).map(ContentDigests::sha256),
                input.get(SignalInput.PDQ),
                input.get(SignalInput.AV_HASHES).orElse(AvHashes.NONE));
        input.put(SignalInput.BANK_MATCHES, List.copyOf(matches));
        banks.countShadowHits(matches);
        List<Signal> out = new ArrayList<>();
        for (BankMatch m : matches) {
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("bankKind", m.kind().wireName());
            attrs.put("method", m.method());
            attrs.put("distance", Integer.toString(m.distance()));
            m.mediaId().ifPresent(v -> attrs.put("mediaId", v));
            m.caseId().ifPresent(v -> attrs.put("caseId", v));
            m.inert().ifPresent(v -> attrs.put("inert", v));
            attrs.putAll(m.details());
            if (!m.segments().isEmpty()) attrs.put("segments", segments(m.segments()));
            out.add(new Signal(
                    SignalType.HASH_BANK_MATCH,
                    m.bank() + "#" + m.itemId(),
                    m.acts() ? SignalStrength.STRONG : SignalStrength.INFO,
                    "hash bank '" + m.bank() + "'",
                    attrs));
        }
        return out;
    }

    /**
     * {@code q0.000-19.000=s60.000-79.000x20;…}: query seconds, where they are in the banked video, and how many query
     * frames matched (the console draws these on the video's timeline).
     */
    static String segments(List<VpdqSegment> segments) {
        return String.join(
                ";",
                segments.stream()
                        .map(g -> String.format(
                                Locale.ROOT,
                                "q%.3f-%.3f=s%.3f-%.3fx%d",
                                g.queryStart(),
                                g.queryEnd(),
                                g.storedStart(),
                                g.storedEnd(),
                                g.matchedFrames()))
                        .toList());
    }
}
