package org.pramaan.likeness;

import java.time.Instant;
import java.util.Objects;

/**
 * The person's consent to be enrolled: processing biometric data needs it (GDPR Art. 9(2)(a),
 * India DPDP Act 2023 s.6), so enrolment refuses without one.
 *
 * @param consentedBy who gave it (the person, or their guardian or legal representative)
 * @param consentedAt when it was given
 * @param document    where the signed consent is kept (a document id or reference, not the document)
 */
public record Consent(String consentedBy, Instant consentedAt, String document) {
    public Consent {
        Objects.requireNonNull(consentedBy, "consentedBy");
        Objects.requireNonNull(consentedAt, "consentedAt");
        Objects.requireNonNull(document, "document");
    }
}
