package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pramaan.media.image.PngSamples.Spec;

/**
 * Untrusted bytes (DEV-GUIDELINES rule 6): seeded mutations of valid PNGs (byte changes,
 * truncation, dropped and repeated runs; CRCs are left stale, as the decoder relies on the prober
 * for them) either decode or fail with {@link PngException}, never another exception and never a
 * hang; sizes are checked before allocation and inflation stops at the size IHDR implies.
 */
class PngRobustnessTest {
    private static final int[] F = PngSamples.ALL_FILTERS;
    private static final List<Spec> SEEDS = List.of(
            new Spec(60, 40, 6, 8, false, 0, F, 51), new Spec(50, 30, 3, 4, true, 16, F, 52),
            new Spec(45, 35, 0, 1, false, 0, F, 53), new Spec(40, 30, 4, 16, false, 0, F, 54));

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedFilesDecodeOrFailWithPngException() throws Exception {
        Random r = new Random(20261201);
        int decoded = 0, refused = 0;
        for (Spec s : SEEDS) {
            byte[] good = PngSamples.encode(s);
            for (int i = 0; i < 400; i++) {
                try {
                    PngDecoder.decode(org.pramaan.testing.Mutations.decoderInput(good, r, 700), 1L << 22);
                    decoded++;
                } catch (PngException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    refused++;
                }
            }
        }
        // Both outcomes must occur, or the mutations are too mild (or too brutal) to test anything.
        assertThat(decoded).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void sizesOverTheLimitAreRefusedBeforeAllocation() {
        byte[] good = PngSamples.encode(new Spec(60, 40, 6, 8, false, 0, F, 55));
        byte[] huge = good.clone();
        huge[16] = 0x7F; // width 0x7F00003C: 2^31 − 1-ish columns
        assertThatThrownBy(() -> PngDecoder.decode(good, 100))
                .isInstanceOf(PngException.class)
                .hasMessageContaining("over the limit");
        assertThatThrownBy(() -> PngDecoder.decode(huge, Long.MAX_VALUE))
                .isInstanceOfSatisfying(
                        PngException.class, e -> assertThat(e.unsupported()).isTrue());
        assertThatThrownBy(() -> PngDecoder.decode(new byte[] {1, 2, 3, 4}, 100))
                .isInstanceOf(PngException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void truncatedImageDataIsRefusedNamingTheRow() {
        byte[] good = PngSamples.encode(new Spec(60, 40, 2, 8, false, 0, F, 56));
        byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
        assertThatThrownBy(() -> PngDecoder.decode(cut, 1L << 22))
                .isInstanceOf(PngException.class)
                .hasMessageContaining("offset");
        byte[] noEnd = reencode(new Spec(60, 40, 2, 8, false, 0, F, 56), 20);
        assertThatThrownBy(() -> PngDecoder.decode(noEnd, 1L << 22))
                .isInstanceOf(PngException.class)
                .hasMessageContaining("row 20 of 40");
    }

    /** A zlib stream of 64 MiB of zeros behind a 100×100 grey IHDR: only 100 × 101 bytes are inflated. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void inflationStopsAtTheSizeTheHeaderImplies() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        PngSamples.chunk(out, "IHDR", new byte[] {0, 0, 0, 100, 0, 0, 0, 100, 8, 0, 0, 0, 0});
        PngSamples.chunk(out, "IDAT", PngSamples.deflate(new byte[64 << 20]));
        PngSamples.chunk(out, "IEND", new byte[0]);
        var img = PngDecoder.decode(out.toByteArray(), 1L << 22);
        assertThat(img.getWidth()).isEqualTo(100);
        assertThat(img.getRaster().getSample(50, 50, 0)).isZero();
    }

    /** The spec's file with its zlib stream cut after {@code rows} rows (still a valid stream, and IEND present). */
    private static byte[] reencode(Spec s, int rows) {
        byte[] png =
                PngSamples.encode(new Spec(s.width(), rows, s.colour(), s.depth(), false, 0, s.filters(), s.seed()));
        png[20] = 0;
        png[21] = 0;
        png[22] = 0;
        png[23] = (byte) s.height(); // IHDR height back to the full count
        return png;
    }
}
