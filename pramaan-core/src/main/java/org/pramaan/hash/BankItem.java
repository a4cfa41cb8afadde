package org.pramaan.hash;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry in a hash bank.
 *
 * @param id      assigned by the store (0 before it is stored)
 * @param bank    bank name
 * @param sha256  exact digest of the banked file
 * @param pdq     its PDQ hash, when it is an image with one
 * @param mediaId the media it came from (its SHA-256 in Pramaan)
 * @param caseId  the case that banked it
 * @param note    free text
 * @param addedBy who added it (a key id, or {@code system})
 * @param addedAt when
 */
public record BankItem(long id, String bank, String sha256, Optional<PdqResult> pdq, String mediaId, Optional<String> caseId,
                       String note, String addedBy, Instant addedAt) {
    public BankItem {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(pdq, "pdq");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    public BankItem withId(long newId) { return new BankItem(newId, bank, sha256, pdq, mediaId, caseId, note, addedBy, addedAt); }
}
