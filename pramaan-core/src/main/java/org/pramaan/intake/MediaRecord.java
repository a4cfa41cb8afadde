package org.pramaan.intake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.assessment.Assessment;
import org.pramaan.assessment.Reason;
import org.pramaan.decision.Decision;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.MediaInfo;
import org.pramaan.signals.Signal;

/**
 * A stored media item, identified by its SHA-256, with its latest screening.
 *
 * @param id              SHA-256 hex of the bytes (intake is idempotent by it)
 * @param md5             MD5 hex
 * @param info            header facts
 * @param pdq             PDQ hash for images
 * @param signals         evidence from the latest screening
 * @param assessment      tier and reasons
 * @param decision        the policy decision
 * @param decisionReasons why
 * @param status          where it stands now (an action on a case can change it)
 * @param blobStored      whether its bytes are kept (blocked uploads are not stored)
 * @param firstSeenAt     first intake
 * @param lastScreenedAt  latest intake
 * @param av              vPDQ frames (video) and audio fingerprint, with why any could not be computed
 */
public record MediaRecord(
        String id,
        String md5,
        MediaInfo info,
        Optional<PdqResult> pdq,
        List<Signal> signals,
        Assessment assessment,
        Decision decision,
        List<Reason> decisionReasons,
        MediaStatus status,
        boolean blobStored,
        Instant firstSeenAt,
        Instant lastScreenedAt,
        AvHashes av) {
    /** A record without vPDQ or audio hashes (images, or media screened before they existed). */
    public MediaRecord(
            String id,
            String md5,
            MediaInfo info,
            Optional<PdqResult> pdq,
            List<Signal> signals,
            Assessment assessment,
            Decision decision,
            List<Reason> decisionReasons,
            MediaStatus status,
            boolean blobStored,
            Instant firstSeenAt,
            Instant lastScreenedAt) {
        this(
                id,
                md5,
                info,
                pdq,
                signals,
                assessment,
                decision,
                decisionReasons,
                status,
                blobStored,
                firstSeenAt,
                lastScreenedAt,
                AvHashes.NONE);
    }

    public MediaRecord {
        av = av == null ? AvHashes.NONE : av; // rows stored before vPDQ/audio hashing have none
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(pdq, "pdq");
        signals = List.copyOf(signals);
        decisionReasons = List.copyOf(decisionReasons);
        Objects.requireNonNull(status, "status");
    }

    public MediaRecord withBlobStored(boolean stored) {
        return new MediaRecord(
                id,
                md5,
                info,
                pdq,
                signals,
                assessment,
                decision,
                decisionReasons,
                status,
                stored,
                firstSeenAt,
                lastScreenedAt,
                av);
    }

    public MediaRecord withStatus(MediaStatus s) {
        return new MediaRecord(
                id,
                md5,
                info,
                pdq,
                signals,
                assessment,
                decision,
                decisionReasons,
                s,
                blobStored,
                firstSeenAt,
                lastScreenedAt,
                av);
    }
}
