package org.pramaan.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.cases.CaseClock;

class QueueRowTest {
    final Instant start = Instant.parse("2026-03-02T04:00:00Z");
    final CaseClock twoHours =
            new CaseClock("remove", "r.3(2)(b)", start, start.plusSeconds(7200), List.of(0.5, 0.75), Optional.empty());

    @Test
    void colourFollowsThePacksEscalationThresholds() {
        assertThat(QueueRow.urgency(twoHours, start.plusSeconds(3599))).isEqualTo("ok");
        assertThat(QueueRow.urgency(twoHours, start.plusSeconds(3600))).isEqualTo("warn");
        assertThat(QueueRow.urgency(twoHours, start.plusSeconds(5400))).isEqualTo("urgent");
        assertThat(QueueRow.urgency(twoHours, start.plusSeconds(7200))).isEqualTo("urgent");
        assertThat(QueueRow.urgency(twoHours, start.plusSeconds(7201))).isEqualTo("breached");
    }
}
