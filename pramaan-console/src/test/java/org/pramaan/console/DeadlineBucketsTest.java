package org.pramaan.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadlineBucketsTest {
    final Instant now = Instant.parse("2026-03-02T04:00:00Z");

    QueueRow due(Optional<Instant> deadline) {
        return new QueueRow("c", "t", "IN", false, now, Optional.of(now), deadline, "", "ok", false, false, "");
    }

    QueueRow dueIn(long seconds) {
        return due(Optional.of(now.plusSeconds(seconds)));
    }

    @Test
    void casesFallInTheBucketOfTheirTimeLeftWithEdgesInTheShorterBucket() {
        DeadlineBuckets b = DeadlineBuckets.of(
                List.of(
                        dueIn(-1),
                        dueIn(0),
                        dueIn(3600),
                        dueIn(3601),
                        dueIn(6 * 3600),
                        dueIn(24 * 3600),
                        dueIn(24 * 3600 + 1),
                        due(Optional.empty())),
                now);
        assertThat(b).isEqualTo(new DeadlineBuckets(1, 2, 2, 1, 1, 1));
    }

    @Test
    void weekStartsOnMondayMidnightInThePersonsZone() {
        // Sunday 20:00 UTC is already Monday 01:30 in Kolkata: a new week there, still the old one in UTC.
        Instant sundayEvening = Instant.parse("2026-03-08T20:00:00Z");
        assertThat(DeadlineBuckets.weekStart(sundayEvening, ZoneId.of("Asia/Kolkata")))
                .isEqualTo(Instant.parse("2026-03-08T18:30:00Z"));
        assertThat(DeadlineBuckets.weekStart(sundayEvening, ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }
}
