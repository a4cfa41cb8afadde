package org.pramaan.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-video pattern marks frames as embedLuma does, and frames combine before the decision. */
class FrameMarkTest {
    private final KeyedWatermark wm =
            new KeyedWatermark(new WatermarkKey("v", "frame mark test key".getBytes(StandardCharsets.US_ASCII)));

    @Test
    void thePrecomputedPatternChangesLumaAsEmbedLumaDoesWithinOneLevel() {
        int w = 400, h = 300;
        byte[] y = luma(TestImages.make(TestImages.Kind.GRADIENT_NOISE, w, h, 3));
        byte[] a = y.clone(), b = y.clone();
        wm.embedLuma(w, h, a, 0x12345678);
        wm.frameMark(w, h, 0x12345678).apply(b);
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs((a[i] & 0xff) - (b[i] & 0xff))).isLessThanOrEqualTo(1);
            if (a[i] == b[i]) same++;
        }
        assertThat(same).as("summation order may move a rounding, not more").isGreaterThan(a.length * 99 / 100);
    }

    /**
     * Frames each too noisy to reach the threshold alone are read once their folds are added: the
     * evidence is combined before the decision, and the payload is exact.
     */
    @Test
    void framesTooNoisyAloneAreReadTogether() {
        int w = 320, h = 256, payload = 0x00C_00042;
        FrameMark mark = wm.frameMark(w, h, payload);
        FrameEvidence all = new FrameEvidence(w, h);
        Random rnd = new Random(7);
        int aloneHits = 0;
        for (int f = 0; f < 12; f++) {
            byte[] y = new byte[w * h];
            Random grain = new Random(100 + f);
            for (int r = 0; r < h; r++) // a gradient with film grain (σ 10), different in every frame
            for (int x = 0; x < w; x++)
                    y[r * w + x] =
                            (byte) clamp((x * 255 / w + r * 100 / h) / 2 + 64 + (int) (grain.nextGaussian() * 10));
            mark.apply(y);
            for (int i = 0; i < y.length; i++) // then heavy independent noise (σ 40 levels): no frame is read alone
            y[i] = (byte) clamp((y[i] & 0xff) + (int) Math.round(rnd.nextGaussian() * 40));
            FrameEvidence one = new FrameEvidence(w, h);
            one.addLuma(y);
            if (wm.detect(one).detected()) aloneHits++;
            all.addLuma(y);
        }
        KeyedDetection d = wm.detect(all);
        assertThat(aloneHits).as("frames read alone").isZero();
        assertThat(d.detected()).isTrue();
        assertThat(d.payload()).hasValue(payload);
        assertThat(d.hypotheses())
                .as("the same hypotheses as one image: the same 1e-6 bound")
                .isEqualTo(65536);
    }

    @Test
    void cleanFramesAndAnotherKeysFramesStayUnderTheThreshold() {
        int w = 320, h = 256;
        KeyedWatermark other =
                new KeyedWatermark(new WatermarkKey("o", "someone else's key".getBytes(StandardCharsets.US_ASCII)));
        FrameMark theirs = other.frameMark(w, h, 77);
        FrameEvidence clean = new FrameEvidence(w, h), marked = new FrameEvidence(w, h);
        for (int f = 0; f < 10; f++) {
            byte[] y = luma(TestImages.make(TestImages.Kind.POSTER_TEXT, w, h, f));
            clean.addRgb(rgb(TestImages.make(TestImages.Kind.POSTER_TEXT, w, h, f)));
            theirs.apply(y);
            marked.addLuma(y);
        }
        assertThat(wm.detect(clean).detected()).isFalse();
        assertThat(wm.detect(clean).score()).isLessThan(KeyedWatermark.threshold());
        assertThat(wm.detect(marked).detected()).isFalse();
        assertThat(other.detect(marked).payload()).hasValue(77);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] luma(RgbPixels p) {
        int[] l = KeyedWatermark.luma(p);
        byte[] y = new byte[l.length];
        for (int i = 0; i < l.length; i++) y[i] = (byte) l[i];
        return y;
    }

    private static byte[] rgb(RgbPixels p) {
        byte[] out = new byte[p.rgb().length * 3];
        for (int i = 0; i < p.rgb().length; i++) {
            out[3 * i] = (byte) (p.rgb()[i] >> 16);
            out[3 * i + 1] = (byte) (p.rgb()[i] >> 8);
            out[3 * i + 2] = (byte) p.rgb()[i];
        }
        return out;
    }
}
