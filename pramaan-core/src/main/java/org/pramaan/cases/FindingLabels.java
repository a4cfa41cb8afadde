package org.pramaan.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.detect.ReviewLabel;
import org.pramaan.detect.ReviewLabels;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.ScreeningReviews;

/**
 * Turns the finding given with a case decision into calibration labels (issue 16, reviewer feedback loop), inside the
 * decision's unit of work. The rule is the screening review's: the latest finding on these bytes replaces every
 * earlier label of the media, whichever review gave it, so an appeal reversed with another finding wins.
 */
final class FindingLabels {
    private final MediaRepository media;
    private final Optional<ReviewLabels> labels;

    FindingLabels(MediaRepository media, Optional<ReviewLabels> labels) {
        this.media = media;
        this.labels = labels;
    }

    /**
     * Records the finding's labels and adds {@code finding}, {@code family} and {@code labels} (how many rows) to the
     * audit details. A case whose media is not stored, or a deployment without a label store, records none: the
     * finding is still audited. Media without model scores records none and clears earlier labels, as a screening
     * review does (a later finding never leaves an older, contradicting one standing).
     */
    void record(CaseFile c, CaseFinding f, Actor reviewer, Instant at, Map<String, Object> details) {
        details.put("finding", f.finding().wire());
        f.family().ifPresent(fam -> details.put("family", fam));
        Optional<MediaRecord> m = media.find(c.mediaId());
        if (labels.isEmpty() || m.isEmpty()) {
            details.put("labels", 0);
            return;
        }
        List<ReviewLabel> rows = ScreeningReviews.caseLabels(m.get(), f.finding(), f.family(), reviewer, at, c.id());
        labels.get().replaceForMedia(m.get().id(), rows);
        details.put("labels", rows.size());
    }
}
