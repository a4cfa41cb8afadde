package org.pramaan.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OverviewBreachesTest {
    // Wednesday 2026-03-04 12:00 UTC; the ISO week began Monday 2026-03-02 00:00 UTC.
    final Instant now = Instant.parse("2026-03-04T12:00:00Z");
    final Instant monday = DeadlineBuckets.weekStart(now, ZoneId.of("UTC"));
    final Duration twoHours = Duration.ofHours(2);

    @Test
    void countsUnmetDeadlinesFromMondayToNowOncePerCase() {
        List<OverviewPage.Breach> b = OverviewPage.breaches(
                List.of(
                        // running past its deadline this week: breached
                        Cases.acted("running", "T", now.minus(Duration.ofHours(3)), twoHours),
                        // acted after its deadline this week: breached
                        Cases.acted("late", "T", monday.plusSeconds(60), twoHours, Duration.ofHours(3)),
                        // acted in time: not breached
                        Cases.acted("in-time", "T", monday, twoHours, Duration.ofHours(1)),
                        // breached last week (deadline Sunday 23:00): not this week's
                        Cases.acted("last-week", "T", monday.minus(Duration.ofHours(3)), twoHours),
                        // deadline still ahead
                        Cases.acted("ahead", "T", now.minus(Duration.ofHours(1)), twoHours)),
                monday,
                now);
        assertThat(b).extracting(OverviewPage.Breach::caseId).containsExactly("late", "running");
        assertThat(b.getFirst().dueAt()).isEqualTo(monday.plusSeconds(60).plus(twoHours));
        assertThat(b.getFirst().clock()).isEqualTo("remove");
    }

    @Test
    void theWeekIsThePersonsWeek() {
        // 2026-03-01 20:00 UTC is Monday 01:30 in Kolkata: a breach then is this week there, last week in UTC.
        Instant due = Instant.parse("2026-03-01T20:00:00Z");
        List<org.pramaan.cases.CaseFile> cases =
                List.of(Cases.of("k", "T", due.minus(twoHours), twoHours, Optional.empty(), List.of()));
        assertThat(OverviewPage.breaches(cases, DeadlineBuckets.weekStart(now, ZoneId.of("Asia/Kolkata")), now))
                .hasSize(1);
        assertThat(OverviewPage.breaches(cases, DeadlineBuckets.weekStart(now, ZoneId.of("UTC")), now))
                .isEmpty();
    }

    @Test
    void aDeadlineExactlyNowIsNotYetBreached() {
        assertThat(OverviewPage.breaches(List.of(Cases.acted("now", "T", now.minus(twoHours), twoHours)), monday, now))
                .isEmpty();
    }
}
