package org.pramaan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.errors.Invalid;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;

class VideoTimelineTest {

    private static VideoTimeline.Segment seg(String item, double start, double end) {
        return new VideoTimeline.Segment(item, start, end, 5);
    }

    @Test
    void segmentsArePlacedInThousandthsOfTheDuration() {
        VideoTimeline t = VideoTimeline.of(40, List.of(seg("b#2", 10, 20), seg("b#1", 0, 4)));
        // Sorted by start: 0–4 s of 40 s is x 0, width 100; 10–20 s is x 250, width 250.
        assertThat(t.bars()).extracting(VideoTimeline.Bar::x).containsExactly(0, 250);
        assertThat(t.bars()).extracting(VideoTimeline.Bar::width).containsExactly(100, 250);
        assertThat(t.bars()).extracting(VideoTimeline.Bar::lane).containsExactly(0, 0);
        assertThat(t.lanes()).isEqualTo(1);
        assertThat(t.bars().get(1).seek()).isEqualTo("10.000");
    }

    @Test
    void overlappingSegmentsGoOnSeparateLanesAndALaneIsReusedOnceFree() {
        VideoTimeline t = VideoTimeline.of(100, List.of(seg("a#1", 0, 50), seg("b#1", 40, 60), seg("c#1", 55, 70)));
        assertThat(t.bars()).extracting(VideoTimeline.Bar::lane).containsExactly(0, 1, 0);
        assertThat(t.lanes()).isEqualTo(2);
        assertThat(t.height()).isEqualTo(2 * VideoTimeline.LANE);
        assertThat(t.bars().get(1).y()).isEqualTo(VideoTimeline.LANE);
    }

    @Test
    void aSegmentAtZeroStartsAtTheLeftAndOneAtTheEndStaysInsideTheBar() {
        VideoTimeline t = VideoTimeline.of(10, List.of(seg("a#1", 0, 0), seg("a#1", 10, 10), seg("a#1", 9, 12)));
        // A zero-length match still gets the minimum width; at the end it is pulled back inside; past the end clipped.
        assertThat(t.bars().get(0).x()).isZero();
        assertThat(t.bars().get(0).width()).isEqualTo(VideoTimeline.MIN_WIDTH);
        assertThat(t.bars()).allSatisfy(b -> assertThat(b.x() + b.width()).isLessThanOrEqualTo(VideoTimeline.WIDTH));
        VideoTimeline.Bar clipped = t.bars().get(1);
        assertThat(clipped.segment().start()).isEqualTo(9);
        assertThat(clipped.x()).isEqualTo(900);
        assertThat(clipped.width()).isEqualTo(100);
        assertThat(t.bars().get(2).x()).isEqualTo(VideoTimeline.WIDTH - VideoTimeline.MIN_WIDTH);
    }

    @Test
    void aZeroLengthOrUnknownLengthVideoIsRefused() {
        for (double d : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
            assertThatThrownBy(() -> VideoTimeline.of(d, List.of(seg("a#1", 0, 1))))
                    .isInstanceOf(Invalid.class)
                    .hasMessageContaining("positive video duration");
    }

    @Test
    void matchSignalsReadBackTheirSegmentsAndFacts() {
        Signal s = new Signal(
                SignalType.HASH_BANK_MATCH,
                "removed#7",
                SignalStrength.STRONG,
                "hash bank 'removed'",
                Map.of(
                        "bankKind", "removed",
                        "method", "vpdq",
                        "distance", "0",
                        "caseId", "c-1",
                        "queryMatchPercent", "90.0",
                        "segments", "q0.000-19.000=s60.000-79.000x20;q25.500-30.000=s1.000-5.500;bad;q9-1=s0-0x1"));
        HashMatchView h = HashMatchView.of(s, Optional.of(80));
        assertThat(h.bank()).isEqualTo("removed");
        assertThat(h.bankedCase()).isEqualTo("c-1");
        assertThat(h.video()).isTrue();
        assertThat(h.quality()).isEmpty(); // PDQ quality is shown for PDQ matches only
        // The old format without a frame count still reads (0 frames); a malformed or backwards part is skipped.
        assertThat(h.segments())
                .containsExactly(
                        new VideoTimeline.Segment("removed#7", 0, 19, 20),
                        new VideoTimeline.Segment("removed#7", 25.5, 30, 0));
    }

    @Test
    void aPdqMatchShowsItsVariantQualityAndShieldsAnNciiBankItem() {
        Signal s = new Signal(
                SignalType.HASH_BANK_MATCH,
                "ncii#3",
                SignalStrength.STRONG,
                "hash bank 'ncii'",
                Map.of("bankKind", "ncii", "method", "pdq", "distance", "12", "variant", "rotate90"));
        HashMatchView h = HashMatchView.of(s, Optional.of(80));
        assertThat(h.distance()).isEqualTo("12");
        assertThat(h.variant()).isEqualTo("rotate90");
        assertThat(h.quality()).isEqualTo("80");
        assertThat(h.hasBankedMedia()).isFalse();
        assertThat(h.shielded(false)).isTrue();
        assertThat(HashMatchView.of(
                                new Signal(
                                        SignalType.HASH_BANK_MATCH,
                                        "removed#4",
                                        SignalStrength.STRONG,
                                        "x",
                                        Map.of("bankKind", "removed", "method", "pdq")),
                                Optional.empty())
                        .variant())
                .isEqualTo("original");
    }
}
