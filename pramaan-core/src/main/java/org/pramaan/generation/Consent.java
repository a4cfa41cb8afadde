package org.pramaan.generation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A real person's separate consent to have their face or voice edited (CN Deep Synthesis Provisions
 * art.14: a service that edits biometric information such as faces and voices must prompt the user to
 * tell the person and obtain their separate consent).
 *
 * @param id        assigned at creation ({@code con_…})
 * @param personId  the operator's id for the person who consented
 * @param modality  face or voice
 * @param scope     what the consent covers, in the operator's words
 * @param grantedBy who gave it (the person, or their guardian)
 * @param evidence  where the operator keeps the proof (a document id, a URL), never the proof itself
 * @param revokedAt when it was withdrawn; from then on it covers no new generation
 */
public record Consent(
        String id,
        String personId,
        Modality modality,
        String scope,
        String grantedBy,
        String evidence,
        String createdBy,
        Instant createdAt,
        Optional<Instant> revokedAt) {
    public Consent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(grantedBy, "grantedBy");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public boolean active() {
        return revokedAt.isEmpty();
    }

    Consent revoked(Instant at) {
        return new Consent(id, personId, modality, scope, grantedBy, evidence, createdBy, createdAt, Optional.of(at));
    }
}
