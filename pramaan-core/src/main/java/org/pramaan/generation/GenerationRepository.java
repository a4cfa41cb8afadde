package org.pramaan.generation;

import java.util.List;
import java.util.Optional;

/** Port: generation records, the consent registry and when each user was last shown the rules. */
public interface GenerationRepository {
    /** Stores a new record; ids are unique. */
    void save(GenerationRecord record);

    Optional<GenerationRecord> find(String id);

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
