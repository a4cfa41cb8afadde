package org.pramaan.intake;

import java.util.Objects;

/**
 * An upload was screened and recorded: published by {@link Intake} on the
 * {@link org.pramaan.events.EventBus} once its unit of work committed (cases subscribe, to record
 * that removed content resurfaced). Also what {@link Intake#ingest} returns.
 *
 * @param media    the media record as stored
 * @param upload   this upload's record
 * @param report   what screening found and decided
 * @param newMedia whether these bytes were seen for the first time
 */
public record MediaScreened(MediaRecord media, UploadRecord upload, ScreeningReport report, boolean newMedia) {
    public MediaScreened {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(report, "report");
    }
}
