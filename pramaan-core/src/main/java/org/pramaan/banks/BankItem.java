package org.pramaan.banks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.PdqResult;

/**
 * One entry in a hash bank: an exact digest, a PDQ hash, vPDQ frames and/or an audio fingerprint
 * (hash-only NCII entries have no media).
 *
 * @param id            assigned by the store (0 before it is stored)
 * @param mediaId       the Pramaan media it came from, if any
 * @param caseId        the case that banked it, if any
 * @param source        where it came from (a case, an import file, a partner)
 * @param disabledUntil while in the future, the item does not match
 * @param av            vPDQ frames and audio fingerprint (a removed video or sound is banked with them)
 */
public record BankItem(
        long id,
        String bank,
        Optional<String> sha256,
        Optional<PdqResult> pdq,
        Optional<String> mediaId,
        Optional<String> caseId,
        String source,
        String note,
        String addedBy,
        Instant addedAt,
        Optional<Instant> disabledUntil,
        AvHashes av) {
    public BankItem {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(pdq, "pdq");
        av = av == null ? AvHashes.NONE : av.hashesOnly(); // null: a row stored before vPDQ/audio existed
        if (sha256.isEmpty() && pdq.isEmpty() && !av.hasHashes()) {
            throw new IllegalArgumentException(
                    "a bank item needs a SHA-256, a PDQ hash, vPDQ frames or an audio fingerprint");
        }
        sha256.ifPresent(s -> {
            if (!org.pramaan.limits.PlainText.isHex(s, 64, true))
                throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + s + "'");
        });
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(disabledUntil, "disabledUntil");
    }

    /** An item with no vPDQ or audio hashes. */
    public BankItem(
            long id,
            String bank,
            Optional<String> sha256,
            Optional<PdqResult> pdq,
            Optional<String> mediaId,
            Optional<String> caseId,
            String source,
            String note,
            String addedBy,
            Instant addedAt,
            Optional<Instant> disabledUntil) {
        this(id, bank, sha256, pdq, mediaId, caseId, source, note, addedBy, addedAt, disabledUntil, AvHashes.NONE);
    }

    /** An item taken from stored media, e.g. by a takedown. */
    public static BankItem fromMedia(
            String bank,
            String mediaId,
            Optional<PdqResult> pdq,
            Optional<String> caseId,
            String note,
            String addedBy,
            Instant at) {
        return fromMedia(bank, mediaId, pdq, AvHashes.NONE, caseId, note, addedBy, at);
    }

    /** An item taken from stored media with all its hashes ("a confirmed takedown adds all the item's hashes to removed"). */
    public static BankItem fromMedia(
            String bank,
            String mediaId,
            Optional<PdqResult> pdq,
            AvHashes av,
            Optional<String> caseId,
            String note,
            String addedBy,
            Instant at) {
        return new BankItem(
                0,
                bank,
                Optional.of(mediaId),
                pdq,
                Optional.of(mediaId),
                caseId,
                caseId.map(c -> "case " + c).orElse("media"),
                note,
                addedBy,
                at,
                Optional.empty(),
                av);
    }

    public BankItem withId(long newId) {
        return new BankItem(
                newId, bank, sha256, pdq, mediaId, caseId, source, note, addedBy, addedAt, disabledUntil, av);
    }

    public boolean activeAt(Instant now) {
        return disabledUntil.map(now::isAfter).orElse(true);
    }
}
