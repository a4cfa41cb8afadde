package org.pramaan.banks;

import java.util.Objects;
import java.util.Optional;
import org.pramaan.hash.VpdqSegment;

/**
 * A hit against a hash bank.
 *
 * @param method   {@code sha256} (exact bytes), {@code pdq} (perceptual), {@code vpdq} (video frames)
 *                 or {@code audio} (audio fingerprint)
 * @param distance Hamming distance for PDQ; 0 for exact, vPDQ and audio matches (see details)
 * @param inert    why the match must not change a decision: {@code shadow} (shadow bank) or
 *                 {@code allow-listed} (the file also matched an allow-list); empty when it acts
 * @param details  for vPDQ {@code queryMatchPercent}, {@code storedMatchPercent}, {@code matchedSeconds};
 *                 for audio {@code offsetSeconds}, {@code overlapSeconds}, {@code bitErrorRate}
 * @param segments for vPDQ, where the query sits in the banked video (query and stored time ranges)
 */
public record BankMatch(
        String bank,
        BankKind kind,
        long itemId,
        String method,
        int distance,
        Optional<String> mediaId,
        Optional<String> caseId,
        Optional<String> inert,
        java.util.Map<String, String> details,
        java.util.List<VpdqSegment> segments) {
    public BankMatch(
            String bank,
            BankKind kind,
            long itemId,
            String method,
            int distance,
            Optional<String> mediaId,
            Optional<String> caseId,
            Optional<String> inert) {
        this(bank, kind, itemId, method, distance, mediaId, caseId, inert, java.util.Map.of(), java.util.List.of());
    }

    public BankMatch {
        details = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(details));
        segments = java.util.List.copyOf(segments);
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(inert, "inert");
    }

    public boolean acts() {
        return inert.isEmpty();
    }

    BankMatch madeInert(String why) {
        return new BankMatch(
                bank, kind, itemId, method, distance, mediaId, caseId, Optional.of(why), details, segments);
    }

    BankMatch with(java.util.Map<String, String> d, java.util.List<VpdqSegment> s) {
        return new BankMatch(bank, kind, itemId, method, distance, mediaId, caseId, inert, d, s);
    }
}
