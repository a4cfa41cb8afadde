package org.pramaan.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pramaan.cases.CaseFile;
import org.pramaan.generation.GenerationRecord;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.UploadRecord;
import org.pramaan.notify.Delivery;

/**
 * Port: what reports read, by period. Every method answers exactly for {@code [from, to)} (a store may
 * narrow with an index and must then check the exact instants itself); the contract suite in the
 * testkit holds every adapter to the same answers.
 */
public interface ReportSource {
    /**
     * Every case that can count in the period: received before its end and either received in it, still
     * open, or with an event at or after its start (an action this month on a notice of last month counts
     * in this month's actions; a notice of last month removed next month was overdue during this one).
     * Ordered by id. The reports select exactly from these by the events' times.
     */
    List<CaseFile> cases(Instant from, Instant to);

    /** Uploads screened in the period, each with its media's record, in upload order. */
    List<ScreenedUpload> uploads(Instant from, Instant to);

    /** Generation records created in the period, oldest first (ties by id). */
    List<GenerationRecord> generations(Instant from, Instant to);

    /** Transparency Database submissions (DSA art.24(5)) enqueued in the period, oldest first (ties by id). */
    List<Delivery> statementSubmissions(Instant from, Instant to);

    /** Whether {@code c} can count in {@code [from, to)}: what {@link #cases} selects. */
    static boolean touches(CaseFile c, Instant from, Instant to) {
        if (!c.receivedAt().isBefore(to)) return false;
        if (!c.receivedAt().isBefore(from) || c.state() == org.pramaan.cases.CaseState.OPEN) return true;
        for (org.pramaan.cases.CaseEvent e : c.events()) if (!e.at().isBefore(from)) return true;
        return false;
    }

    /** One upload and the media record it screened (the latest screening of those bytes). */
    record ScreenedUpload(UploadRecord upload, MediaRecord media) {
        public ScreenedUpload {
            Objects.requireNonNull(upload, "upload");
            Objects.requireNonNull(media, "media");
        }

        /** How a report names it: {@code upload:<n>}. */
        public String ref() {
            return "upload:" + upload.id();
        }
    }
}
