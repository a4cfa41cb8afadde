package org.pramaan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.cases.CaseEvent;

class TimeToActionTest {
    final Instant t0 = Instant.parse("2026-03-02T04:00:00Z");
    final Duration twoHours = Duration.ofHours(2);

    @Test
    void anOddCountTakesTheMiddleValue() {
        List<TimeToAction> rows = TimeToAction.of(List.of(
                Cases.acted("a", "T", t0, twoHours, Duration.ofMinutes(10)),
                Cases.acted("b", "T", t0, twoHours, Duration.ofMinutes(90)),
                Cases.acted("c", "T", t0, twoHours, Duration.ofMinutes(30))));
        assertThat(rows).containsExactly(new TimeToAction("T", 3, Duration.ofMinutes(30)));
        assertThat(rows.getFirst().text()).isEqualTo("0:30:00");
    }

    @Test
    void anEvenCountTakesTheMeanOfTheTwoMiddleValues() {
        List<TimeToAction> rows = TimeToAction.of(List.of(
                Cases.acted("a", "T", t0, twoHours, Duration.ofMinutes(10)),
                Cases.acted("b", "T", t0, twoHours, Duration.ofMinutes(20)),
                Cases.acted("c", "T", t0, twoHours, Duration.ofMinutes(45)),
                Cases.acted("d", "T", t0, twoHours, Duration.ofHours(5))));
        assertThat(rows).containsExactly(new TimeToAction("T", 4, Duration.ofSeconds(32 * 60 + 30)));
        assertThat(rows.getFirst().text()).isEqualTo("0:32:30");
    }

    @Test
    void casesWithoutAnActionAreLeftOutAndOnlyTheFirstActionCounts() {
        List<TimeToAction> rows = TimeToAction.of(List.of(
                Cases.acted("open", "T", t0, twoHours),
                Cases.acted("acked-only", "U", t0, twoHours),
                Cases.of(
                        "ack",
                        "U",
                        t0,
                        twoHours,
                        Optional.empty(),
                        List.of(new CaseEvent.ActionTaken(
                                t0.plusSeconds(60), Map.of("action", "ACKNOWLEDGE", "actor", "key:k1")))),
                Cases.acted("twice", "T", t0, twoHours, Duration.ofMinutes(40), Duration.ofHours(30))));
        // Only "twice" had a settling action; its later restore-or-repeat does not move the figure.
        assertThat(rows).containsExactly(new TimeToAction("T", 1, Duration.ofMinutes(40)));
    }

    @Test
    void oneRowPerNoticeTypeInTypeOrder() {
        List<TimeToAction> rows = TimeToAction.of(List.of(
                Cases.acted("a", "Z", t0, twoHours, Duration.ofMinutes(5)),
                Cases.acted("b", "A", t0, twoHours, Duration.ofHours(26))));
        assertThat(rows).extracting(TimeToAction::noticeType).containsExactly("A", "Z");
        assertThat(rows.getFirst().text()).isEqualTo("26:00:00");
    }

    @Test
    void noCasesNoRowsAndTheMedianOfNothingIsRefused() {
        assertThat(TimeToAction.of(List.of())).isEmpty();
        assertThatThrownBy(() -> TimeToAction.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
