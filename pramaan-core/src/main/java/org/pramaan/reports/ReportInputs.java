package org.pramaan.reports;

import java.util.List;
import java.util.Objects;
import org.pramaan.cases.CaseFile;
import org.pramaan.generation.GenerationRecord;
import org.pramaan.notify.Delivery;

/**
 * What one report is computed from, read once from the {@link ReportSource}.
 *
 * @param cases        the cases of the report's rule pack that touch the period
 * @param noticeTypes  that pack's notice type ids, in pack order (each gets a row, also when it counts 0)
 * @param uploads      uploads screened in the period (screening is not per jurisdiction)
 * @param generations  generation records made in the period
 * @param submissions  Transparency Database submissions enqueued in the period
 */
record ReportInputs(
        ReportPeriod period,
        List<CaseFile> cases,
        List<String> noticeTypes,
        List<ReportSource.ScreenedUpload> uploads,
        List<GenerationRecord> generations,
        List<Delivery> submissions) {
    ReportInputs {
        Objects.requireNonNull(period, "period");
        cases = List.copyOf(cases);
        noticeTypes = List.copyOf(noticeTypes);
        uploads = List.copyOf(uploads);
        generations = List.copyOf(generations);
        submissions = List.copyOf(submissions);
    }

    List<CaseFile> received() {
        return cases.stream().filter(c -> CaseFacts.receivedIn(c, period)).toList();
    }

    static List<String> ids(List<CaseFile> cases) {
        return cases.stream().map(CaseFile::id).toList();
    }
}
