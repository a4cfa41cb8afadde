package org.pramaan.hash;

import java.util.Objects;
import java.util.Optional;

/**
 * A hit against a hash bank.
 *
 * @param method   {@code sha256} (exact bytes) or {@code pdq} (perceptual)
 * @param distance Hamming distance for PDQ; 0 for exact matches
 * @param inert    why the match must not change a decision: {@code shadow} (shadow bank) or
 *                 {@code allow-listed} (the file also matched an allow-list); empty when it acts
 */
public record BankMatch(String bank, BankKind kind, long itemId, String method, int distance, Optional<String> mediaId,
                        Optional<String> caseId, Optional<String> inert) {
    public BankMatch {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(inert, "inert");
    }

    public boolean acts() { return inert.isEmpty(); }

    BankMatch madeInert(String why) { return new BankMatch(bank, kind, itemId, method, distance, mediaId, caseId, Optional.of(why)); }
}
