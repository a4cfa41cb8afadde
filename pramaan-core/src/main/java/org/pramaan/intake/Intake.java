package org.pramaan.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.audit.AuditLog;
import org.pramaan.decision.Decision;
import org.pramaan.events.EventBus;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;

/**
 * Screens an upload, stores it content-addressed and records the intake in the audit log; then
 * publishes {@link MediaScreened} on the event bus.
 */
public final class Intake {
    private final Screener screener;
    private final MediaRepository media;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final Clock clock;
    private final EventBus events;

    /** @param events where every stored intake is announced as {@link MediaScreened} (cases subscribe) */
    public Intake(
            Screener screener, MediaRepository media, BlobStore blobs, AuditLog audit, Clock clock, EventBus events) {
        this.screener = Objects.requireNonNull(screener, "screener");
        this.media = Objects.requireNonNull(media, "media");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    public MediaScreened ingest(Path file, UploadContext context) throws MediaRejectedException, IOException {
        return ingest(file, context, r -> {});
    }

    /**
     * Screens and records an upload; {@code inUnit} sees the result inside the unit of work that records
     * it, before it commits (an edge stores an idempotent request's response there, with the records).
     */
    public MediaScreened ingest(Path file, UploadContext context, java.util.function.Consumer<MediaScreened> inUnit)
            throws MediaRejectedException, IOException {
        ScreeningReport report;
        try (MediaSource source = MediaSource.open(file)) {
            report = screener.screen(source, context);
        } catch (MediaRejectedException e) {
            audit.append(
                    "media.rejected",
                    "upload",
                    AuditLog.details(
                            "code",
                            e.code().code(),
                            "message",
                            e.getMessage(),
                            "uploaderId",
                            context.uploaderId().orElse("")));
            throw e;
        }
        // Blocked uploads are not kept: the hash evidence is enough, and hosting refused content
        // (often intimate imagery) would itself be harmful. The bytes go in before the records that
        // point at them: a failed unit leaves at most unreferenced bytes, never a record without them.
        boolean store = report.decision() != Decision.BLOCK;
        if (store) blobs.put(report.sha256(), file);
        // Media record, upload record and audit entry commit together or not at all.
        MediaScreened result = audit.unitOfWork().run(() -> {
            MediaScreened r = record(report, context, store);
            inUnit.accept(r);
            return r;
        });
        // Subscribers (cases) take their own locks and units: told after the commit, never while the store lock is
        // held.
        // A subscriber's failure reaches the caller only after every subscriber ran (EventBus); the intake stays
        // recorded.
        events.publish(result);
        return result;
    }

    private MediaScreened record(ScreeningReport report, UploadContext context, boolean store) {
        Instant now = clock.instant();
        Optional<MediaRecord> existing = media.find(report.sha256());
        MediaStatus status = existing.filter(m -> m.status() == MediaStatus.REMOVED)
                .map(MediaRecord::status)
                .orElse(MediaStatus.after(report.decision()));
        MediaRecord record = new MediaRecord(
                report.sha256(),
                report.md5(),
                report.info(),
                report.pdq(),
                report.signals(),
                report.assessment(),
                report.decision(),
                report.outcome().reasons(),
                status,
                store || existing.map(MediaRecord::blobStored).orElse(false),
                existing.map(MediaRecord::firstSeenAt).orElse(now),
                now,
                report.av());
        media.save(record);
        UploadRecord upload = media.addUpload(new UploadRecord(
                0,
                report.sha256(),
                now,
                context.uploaderId(),
                context.externalId(),
                context.declaration(),
                report.decision()));
        java.util.Map<String, Object> details = AuditLog.details(
                "uploadId",
                upload.id(),
                "type",
                report.info().type().name(),
                "tier",
                report.assessment().tier().name(),
                "decision",
                report.decision().name(),
                "matches",
                report.matches().stream()
                        .map(m -> m.bank() + "#" + m.itemId() + "/" + m.method() + ":" + m.distance())
                        .toList(),
                "uploaderId",
                context.uploaderId().orElse(""),
                "externalId",
                context.externalId().orElse(""),
                "vpdqFrames",
                report.av().vpdq().size(),
                "audioFingerprint",
                report.av().audio().isPresent(),
                "hashErrors",
                report.av().errors());
        // Issue 16: the verdict records the exact models that scored it (id, version, weights hash, probability).
        java.util.List<String> models = report.signals().stream()
                .filter(s -> s.type() == org.pramaan.signals.SignalType.DETECTOR_SCORE)
                .map(s -> s.attributes().get("model") + " " + s.attributes().get("version") + " sha256:"
                        + s.attributes().getOrDefault("sha256", "-") + " p=" + s.value())
                .toList();
        if (!models.isEmpty()) details.put("models", models);
        audit.append("media.screened", "media:" + report.sha256(), details);
        return new MediaScreened(record, upload, report, existing.isEmpty());
    }
}
