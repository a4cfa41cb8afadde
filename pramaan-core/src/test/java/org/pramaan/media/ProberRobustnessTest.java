package org.pramaan.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.media.MediaFixtures.*;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of every fixture (byte flips, length-field damage, cuts, splices): the
 * prober either accepts or refuses with a {@link MediaRejectedException}; nothing else escapes.
 * (Coverage-guided fuzzing with Jazzer is the provenance issue's; this is the always-on floor.)
 */
class ProberRobustnessTest {
    @Test
    void mutatedInputsOnlyEverGiveAResultOrARefusal() {
        List<byte[]> seeds = List.of(
                jpeg(),
                png(),
                gif(),
                tiff(),
                webp(30, 20),
                webpExtended(30, 20),
                heif("heic", 10, 10),
                mp4("isom", "vide", 32, 32, 1000, 1000),
                mp4("M4A ", "soun", 0, 0, 1000, 1000),
                matroska("webm", 32, 32, 10.0),
                wav(0.1),
                mp3(5, true),
                flac(100),
                oggVorbis(8000, 800));
        Random r = new Random(20260220);
        MediaProber prober = MediaProber.standard();
        MediaLimits limits = new MediaLimits(1 << 20, 10_000_000);
        int accepted = 0, refused = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] m = org.pramaan.testing.Mutations.structural(
                    seeds.get(i % seeds.size()).clone(), r);
            try {
                prober.probe(MediaSource.of(m), limits);
                accepted++;
            } catch (MediaRejectedException e) {
                assertThat(e.getMessage()).isNotBlank();
                refused++;
            } catch (Throwable t) {
                throw new AssertionError("mutation " + i + " of seed " + (i % seeds.size()) + " escaped as " + t, t);
            }
        }
        assertThat(accepted).isPositive();
        assertThat(refused).isPositive();
    }
}
