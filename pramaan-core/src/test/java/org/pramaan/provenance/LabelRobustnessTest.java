package org.pramaan.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.testing.Mutations;
import org.pramaan.testing.TinyMedia;

/** Damaged labelled files: reading never throws, writing either works or refuses with IllegalArgumentException. */
class LabelRobustnessTest {
    static List<byte[]> seeds() throws Exception {
        Optional<Aigc> label = Optional.of(JpegPngLabelWriterTest.LABEL);
        List<byte[]> s = new ArrayList<>();
        for (byte[] f : List.of(TinyMedia.jpeg(), TinyMedia.png(), TinyMedia.mp4()))
            s.add(MetadataWriter.write(f, Optional.of("trainedAlgorithmicMedia"), label));
        s.add(MetadataWriter.write(TinyMedia.mp3(), Optional.empty(), label));
        s.add(MetadataWriter.write(TinyMedia.wav(), Optional.empty(), label));
        return s;
    }

    @Test
    void mutantsNeverEscapeAsUnexpectedExceptions() throws Exception {
        List<byte[]> seeds = seeds();
        Random r = new Random(45438_2025L);
        int written = 0;
        for (int i = 0; i < 1000; i++) {
            byte[] m = Mutations.structural(seeds.get(i % seeds.size()).clone(), r);
            try {
                MetadataLabels.read(m);
            } catch (MediaRejectedException e) {
                // refused by the prober: a clear result, not a crash
            } catch (Throwable t) {
                throw new AssertionError("read: mutation " + i + " escaped: " + t, t);
            }
            try {
                MetadataWriter.propagate(m, "plat", "p-" + i, "", "3");
                written++;
            } catch (IllegalArgumentException e) {
                if (e.getMessage() == null || e.getMessage().isBlank())
                    throw new AssertionError("write: mutation " + i + " refused without a message", e);
            } catch (Throwable t) {
                throw new AssertionError("write: mutation " + i + " escaped: " + t, t);
            }
        }
        if (written == 0) throw new AssertionError("no mutant was writable: the test exercises only refusals");
    }
}
