package org.pramaan.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.intake.BlobStore;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.MediaStatus;

/**
 * Holds and purging. Removed content is kept while any hold is active, then its bytes are deleted
 * (the hashes and records stay, so re-uploads are still blocked): keeping intimate imagery longer
 * than the law asks is itself a harm.
 */
public final class Retention {
    private final HoldRepository holds;
    private final MediaRepository media;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final Clock clock;

    public Retention(HoldRepository holds, MediaRepository media, BlobStore blobs, AuditLog audit, Clock clock) {
        this.holds = Objects.requireNonNull(holds, "holds");
        this.media = Objects.requireNonNull(media, "media");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The hold a removal starts: until the later of the retention period and the appeal window. */
    Hold onRemoval(CaseFile c, Optional<Duration> retention, Duration appealWindow, String source) {
        Instant now = clock.instant();
        Duration keep = retention.filter(r -> r.compareTo(appealWindow) > 0).orElse(appealWindow);
        return place(
                c.mediaId(),
                Optional.of(c.id()),
                "removed under " + c.article() + "; kept " + keep.toDays() + " days (" + source + ")",
                Optional.of(now.plus(keep)),
                Actor.PLATFORM);
    }

    public Hold place(String mediaId, Optional<String> caseId, String reason, Optional<Instant> until, Actor actor) {
        return audit.unitOfWork().run(() -> placeUnit(mediaId, caseId, reason, until, actor.wireName()));
    }

    /** The hold and its audit entry commit together. */
    private Hold placeUnit(
            String mediaId, Optional<String> caseId, String reason, Optional<Instant> until, String actor) {
        if (media.find(mediaId).isEmpty()) throw new Invalid("mediaId", "no media with id '" + mediaId + "'");
        if (reason.isBlank()) throw new Invalid("reason", "a hold needs a reason");
        Hold h = holds.add(new Hold(0, mediaId, caseId, reason, actor, clock.instant(), until, Optional.empty()));
        audit.append(
                "hold.placed",
                "media:" + mediaId,
                AuditLog.details(
                        "holdId",
                        h.id(),
                        "reason",
                        reason,
                        "until",
                        until.map(Instant::toString).orElse("released"),
                        "actor",
                        actor));
        return h;
    }

    public Hold release(long id, Actor actor) {
        return audit.unitOfWork().run(() -> releaseUnit(id, actor.wireName()));
    }

    private Hold releaseUnit(long id, String actor) {
        Hold h = holds.find(id)
                .orElseThrow(() -> new Invalid("id", "no hold with id " + id)); // 400 as the API has always answered
        if (h.releasedAt().isPresent()) throw new Conflict(CaseLedger.CONFLICT, "hold " + id + " was already released");
        Hold released = h.released(clock.instant());
        holds.save(released);
        audit.append("hold.released", "media:" + h.mediaId(), AuditLog.details("holdId", id, "actor", actor));
        return released;
    }

    public List<Hold> holds(String mediaId) {
        return holds.forMedia(mediaId);
    }

    /** Deletes the bytes of removed media that no active hold protects; returns the media ids purged. */
    public List<String> purge() {
        Instant now = clock.instant();
        List<String> purged = new ArrayList<>();
        for (MediaRecord m : media.withStatus(MediaStatus.REMOVED)) {
            if (!m.blobStored() || holds.forMedia(m.id()).stream().anyMatch(h -> h.activeAt(now))) continue;
            audit.unitOfWork().run(() -> purgeUnit(m));
            purged.add(m.id());
        }
        return purged;
    }

    /**
     * The record, its audit entry and the bytes' deletion go together. The bytes are deleted last,
     * inside the unit: if the append or the save fails, the bytes stay and the record still says
     * so; if the commit itself fails after the delete, the record still says "stored" and the next
     * purge deletes again (nothing there) and commits, so the purge finishes rather than leaving
     * bytes the record calls gone.
     */
    private Void purgeUnit(MediaRecord m) {
        media.save(m.withBlobStored(false));
        audit.append("media.purged", "media:" + m.id(), AuditLog.details("reason", "removed content past every hold"));
        try {
            blobs.delete(m.id());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot purge media " + m.id() + ": " + e.getMessage(), e);
        }
        return null;
    }
}
