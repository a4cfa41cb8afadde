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
     * Cases that touch the period: received in it, or with any event in it (an action this month on a
     * notice of last month counts in this month's actions). Ordered by id.
     */
    List<CaseFile> cases(Instant from, Instant to);

    /** Uploads screened in the period, each with its media's record, in upload order. */
    List<ScreenedUpload> uploads(Instant from, Instant to);

    /** Generation records created in the period, oldest first (ties by id). */
    List<GenerationRecord> generations(Instant from, Instant to);

    /** Transparency Database submissions (DSA art.24(5)) enqueued in the period, oldest first (ties by id). */
    List<Delivery> statementSubmissions(Instant from, Instant to);

    /** Whether {@code c} touches {@code [from, to)}: received in it or with an event in it (what {@link #cases} selects). */
    static boolean touches(CaseFile c, Instant from, Instant to) {
        if (!c.receivedAt().isBefore(from) && c.receivedAt().isBefore(to)) return true;
        for (org.pramaan.cases.CaseEvent e : c.events()) if (!e.at().isBefore(from) && e.at().isBefore(to)) return true;
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
