package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcut inverse DCTs against the full one of RFC 6386 §14.3, the oracle: the AC3 form
 * (only coefficients 0, 1 and 4) and the DC-only form must add exactly the same residual,
 * including for coefficients so large that the 16.16 products wrap as in the reference decoder.
 */
class Vp8TransformTest {
    private static final int STRIDE = 7;

    @Test
    void shortcutsEqualTheFullInverseDct() {
        Random r = new Random(1443);
        for (int trial = 0; trial < 20_000; trial++) {
            int range = trial % 4 == 0 ? 400_000 : trial % 4 == 1 ? 3000 : 300;
            int[] c = new int[16];
            c[0] = r.nextInt(2 * range + 1) - range;
            boolean dcOnly = trial % 3 == 0;
            if (!dcOnly) {
                c[1] = r.nextInt(2 * range + 1) - range;
                c[4] = r.nextInt(2 * range + 1) - range;
            }
            byte[] pixels = new byte[STRIDE * 5];
            r.nextBytes(pixels);
            byte[] full = pixels.clone(), shortcut = pixels.clone();
            Vp8Transform.idctAdd(c, 0, full, STRIDE + 1, STRIDE, new int[16]);
            if (dcOnly) Vp8Transform.dcAdd(c[0], shortcut, STRIDE + 1, STRIDE);
            else Vp8Transform.ac3Add(c, 0, shortcut, STRIDE + 1, STRIDE);
            assertThat(shortcut)
                    .as("trial %d, coefficients %d %d %d", trial, c[0], c[1], c[4])
                    .isEqualTo(full);
        }
    }
}
