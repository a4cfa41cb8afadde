package org.pramaan.hash;

import java.util.Objects;
import java.util.Optional;

/**
 * A hit against a hash bank.
 *
 * @param bank     bank name, e.g. {@code removed}
 * @param itemId   the bank item that matched
 * @param method   {@code sha256} (exact bytes) or {@code pdq} (perceptual)
 * @param distance Hamming distance for PDQ; 0 for exact matches
 * @param mediaId  the media the bank item was taken from
 * @param caseId   the case that put it there, if any
 */
public record BankMatch(String bank, long itemId, String method, int distance, String mediaId, Optional<String> caseId) {
    public BankMatch {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(caseId, "caseId");
    }
}
