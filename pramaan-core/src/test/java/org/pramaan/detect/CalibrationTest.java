package org.pramaan.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void plattIsTheLogisticOfTheAffineRawScoreAndStaysFiniteAtTheExtremes() {
        Calibration.Platt p = new Calibration.Platt(2, -1, "set");
        assertThat(p.apply(0.5)).isEqualTo(0.5);
        assertThat(p.apply(1)).isCloseTo(1 / (1 + Math.exp(-1)), offset(1e-15));
        assertThat(p.apply(1e6)).isEqualTo(1.0);
        assertThat(p.apply(-1e6)).isEqualTo(0.0);
    }

    @Test
    void isotonicInterpolatesBetweenPointsAndIsFlatBeyondTheEnds() {
        Calibration.Isotonic iso = new Calibration.Isotonic(
                List.of(
                        new Calibration.Point(-2, 0.05),
                        new Calibration.Point(0, 0.25),
                        new Calibration.Point(2, 0.95)),
                "set");
        assertThat(iso.apply(-5)).isEqualTo(0.05);
        assertThat(iso.apply(-1)).isCloseTo(0.15, offset(1e-12));
        assertThat(iso.apply(0)).isEqualTo(0.25);
        assertThat(iso.apply(1)).isCloseTo(0.60, offset(1e-12));
        assertThat(iso.apply(9)).isEqualTo(0.95);
    }

    @Test
    void isotonicRefusesTablesThatAreNotMonotone() {
        assertThatThrownBy(() -> new Calibration.Isotonic(
                        List.of(new Calibration.Point(0, 0.5), new Calibration.Point(1, 0.2)), "s"))
                .hasMessageContaining("never fall");
        assertThatThrownBy(() -> new Calibration.Isotonic(List.of(new Calibration.Point(0, 0.5)), "s"))
                .hasMessageContaining("at least 2");
    }
}
