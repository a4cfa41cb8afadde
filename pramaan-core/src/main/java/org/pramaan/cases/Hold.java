package org.pramaan.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A hold that keeps a media item's bytes from being purged: a retention hold from a removal, or a
 * legal hold placed by a person. Released or expired holds no longer hold.
 *
 * @param until      when it lapses by itself; empty means until released
 * @param releasedAt when a person released it
 */
public record Hold(
        long id,
        String mediaId,
        Optional<String> caseId,
        String reason,
        String createdBy,
        Instant createdAt,
        Optional<Instant> until,
        Optional<Instant> releasedAt) {
    public Hold {
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(releasedAt, "releasedAt");
    }

    public boolean activeAt(Instant now) {
        return releasedAt.isEmpty() && until.map(now::isBefore).orElse(true);
    }

    public Hold withId(long newId) {
        return new Hold(newId, mediaId, caseId, reason, createdBy, createdAt, until, releasedAt);
    }

    Hold released(Instant at) {
        return new Hold(id, mediaId, caseId, reason, createdBy, createdAt, until, Optional.of(at));
    }
}
