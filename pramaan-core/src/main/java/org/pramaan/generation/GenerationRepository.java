package org.pramaan.generation;

import java.util.List;
import java.util.Optional;

/** Port: generation records, the consent registry and when each user was last shown the rules. */
public interface GenerationRepository {
    /** Stores a new record; ids are unique. */
    void save(GenerationRecord record);

    Optional<GenerationRecord> find(String id);

    /**
     * Stores a client's idempotency key with the record it made and that record's output (the output
     * carries a C2PA manifest with a fresh instance id, so it cannot be re-created byte for byte).
     *
     * @return false, writing nothing, when this (scope, key) is stored already
     */
    boolean saveKey(GenerationKey key, byte[] output);

    /** Up to {@code limit} records whose {@code retainUntil} is strictly before {@code cutoff}, oldest first. */
    List<GenerationRecord> retainedUntilBefore(java.time.Instant cutoff, int limit);

    /**
     * Deletes a record and the idempotency keys (and outputs) that name it. Its number stays allocated,
     * never reused, and {@link #findByNumber} then finds nothing.
     */
    void delete(String id);

    /** The stored key of this (scope, key); empty when none. */
    Optional<GenerationKey> key(String scope, String key);

    /** The output stored with this (scope, key); empty when none. */
    Optional<byte[]> keyedOutput(String scope, String key);

    /**
     * Assigns the next record number (1, 2, 3…, never reused, also when the generation then fails) to
     * the record {@code id} about to be saved; the watermark carries it (docs/watermark.md, "Payload").
     */
    long allocateNumber(String id);

    /** The saved record that was given {@code number}; empty when none (or it was never saved). */
    Optional<GenerationRecord> findByNumber(long number);

    /** Inserts or replaces the consent with this id (revocation replaces it). */
    void saveConsent(Consent consent);

    Optional<Consent> consent(String id);

    /** Every consent of one person, oldest first. */
    List<Consent> consents(String personId);

    /** Inserts or replaces a user's rule acknowledgement. */
    void saveRulesShown(RulesShown shown);

    Optional<RulesShown> rulesShown(String userId);

    /** Every user's acknowledgement, by user id. */
    List<RulesShown> allRulesShown();
}
