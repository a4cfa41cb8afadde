package org.pramaan.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The numbering rule alone, on packet/frame sequences a decoder could produce. */
class SkipNumberingTest {
    @Test
    void numbersFramesByPtsRankCountingDroppedOnes() {
        SkipNumbering n = new SkipNumbering(f -> f % 4 == 0);
        // Decode order I0 P3 B1 B2 (pts); 0 and 4 are wanted, window 0.
        assertThat(n.beforeSend(0, true, 0)).as("frame 0 is wanted").isFalse();
        assertThat(n.beforeSend(3, true, 0)).as("frame 3: not wanted").isTrue();
        assertThat(n.beforeSend(1, true, 0)).isTrue();
        assertThat(n.beforeSend(2, true, 0)).isTrue();
        assertThat(n.output(0, true)).isZero();
        // B1, B2 dropped (non-reference); P3 came out although sent in skip mode (a reference frame).
        assertThat(n.output(3, true)).isEqualTo(3);
        assertThat(n.beforeSend(4, true, 0)).as("frame 4 is wanted").isFalse();
        assertThat(n.output(4, true)).isEqualTo(4);
        assertThat(n.finish()).isEqualTo(5);
        assertThat(n.dropped()).isEqualTo(2);
    }

    @Test
    void aFullModePacketThatNeverCameOutIsNotCounted() {
        SkipNumbering n = new SkipNumbering(f -> true);
        n.beforeSend(0, true, 2);
        n.beforeSend(1, true, 2);
        assertThat(n.output(1, true))
                .as("pts 0 failed to decode, as it would without skipping")
                .isZero();
        assertThat(n.finish()).isEqualTo(1);
    }

    @Test
    void aDroppedFrameThatTurnsOutWantedForcesThePlainDecode() {
        SkipNumbering n = new SkipNumbering(f -> f == 1);
        n.beforeSend(30, true, 0);
        n.beforeSend(10, true, 0);
        n.beforeSend(5, true, 0); // more reordering than the window allowed for
        assertThatThrownBy(() -> n.output(30, true))
                .isInstanceOf(SkipNumbering.Fallback.class)
                .hasMessageContaining("frame 1 is wanted");
    }

    @Test
    void missingRepeatedOrLatePtsForceThePlainDecode() {
        assertThatThrownBy(() -> new SkipNumbering(f -> false).beforeSend(0, false, 2))
                .isInstanceOf(SkipNumbering.Fallback.class);
        SkipNumbering twice = new SkipNumbering(f -> false);
        twice.beforeSend(7, true, 2);
        assertThatThrownBy(() -> twice.beforeSend(7, true, 2)).isInstanceOf(SkipNumbering.Fallback.class);
        SkipNumbering late = new SkipNumbering(f -> false);
        late.beforeSend(7, true, 2);
        late.output(7, true);
        assertThatThrownBy(() -> late.beforeSend(6, true, 2)).isInstanceOf(SkipNumbering.Fallback.class);
        SkipNumbering unknown = new SkipNumbering(f -> false);
        unknown.beforeSend(7, true, 2);
        assertThatThrownBy(() -> unknown.output(8, true)).isInstanceOf(SkipNumbering.Fallback.class);
    }

    @Test
    void aReorderWindowThatGrowsAfterSkippingForcesThePlainDecode() {
        SkipNumbering n = new SkipNumbering(f -> f == 0);
        n.beforeSend(0, true, 2);
        assertThat(n.beforeSend(10, true, 2)).isTrue();
        assertThatThrownBy(() -> n.beforeSend(5, true, 4))
                .isInstanceOf(SkipNumbering.Fallback.class)
                .hasMessageContaining("grew from 2 to 4");
    }

    @Test
    void framesBeforeAnIdrDropEntirelyOnlyWhenNoSampleLiesBeforeIt() {
        SkipNumbering n = new SkipNumbering(f -> f % 10 == 0);
        assertThat(n.beforeSend(0, true, 2, 3)).as("frame 0 is wanted").isEqualTo(SkipNumbering.Mode.FULL);
        // Frames 1..4 then an IDR as frame 5: no sample among 1..4.
        assertThat(n.beforeSend(1, true, 2, 3)).isEqualTo(SkipNumbering.Mode.DROP_ALL_BUT_IDR);
        assertThat(n.output(0, true)).isZero();
        SkipNumbering m = new SkipNumbering(f -> f == 4);
        m.beforeSend(0, true, 0, -1);
        assertThat(m.beforeSend(1, true, 0, 3))
                .as("frame 4 is wanted and comes before the IDR")
                .isEqualTo(SkipNumbering.Mode.DROP_NONREF);
    }
}
