package org.pramaan.intake;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.decision.Decision;
import org.pramaan.signals.UploaderDeclaration;

/** One intake of a file: the same bytes uploaded twice give one media and two uploads. */
public record UploadRecord(
        long id,
        String mediaId,
        Instant at,
        Optional<String> uploaderId,
        Optional<String> externalId,
        Optional<UploaderDeclaration> declaration,
        Decision decision) {
    public UploadRecord {
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(uploaderId, "uploaderId");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(decision, "decision");
    }
}
