package org.pramaan.reports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.cases.CaseFile;

/** The time-to-action figures every report has: settled, median, in time, late, overdue at the period's end. */
final class Timeliness {
    private Timeliness() {}

    static void add(Figures f, String prefix, List<CaseFile> cases, ReportPeriod p, String limit) {
        List<String> settled = new ArrayList<>();
        List<Duration> times = new ArrayList<>();
        List<String> met = new ArrayList<>();
        List<String> late = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        for (CaseFile c : cases) {
            if (CaseFacts.settledIn(c, p).isPresent()) {
                settled.add(c.id());
                CaseFacts.timeToAction(c).ifPresent(times::add);
                CaseFacts.metLimit(c).ifPresent(ok -> (ok ? met : late).add(c.id()));
            } else if (CaseFacts.overdueAt(c, p.to())) {
                overdue.add(c.id());
            }
        }
        String rule =
                "the first action that settled the case (remove, geo_restrict, label, demote, dismiss) fell in the period";
        f.count(prefix + "settled", "Cases settled in the period", settled, rule)
                .seconds(
                        prefix + "median_seconds",
                        "Median time from the start of the statutory clock to the settling action",
                        CaseFacts.medianSeconds(times),
                        settled,
                        rule + "; median of (action time - clock start), whole seconds")
                .count(
                        prefix + "within_limit",
                        "Settled within the statutory limit (" + limit + ")",
                        met,
                        "every clock the settling action stopped was met (clock_stopped met=true)")
                .count(
                        prefix + "late",
                        "Settled after the statutory limit (" + limit + ")",
                        late,
                        "a clock the settling action stopped was already past its deadline (met=false)")
                .count(
                        prefix + "overdue_at_period_end",
                        "Still unsettled past the deadline when the period ended",
                        overdue,
                        "not settled in the period and a clock was due before the period's end and not stopped by then");
    }
}
