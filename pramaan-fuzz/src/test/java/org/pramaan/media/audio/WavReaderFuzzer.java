package org.pramaan.media.audio;

import org.pramaan.fuzz.Contract;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;

/** PCM WAV to mono samples: decoded audio within the frame cap, or a MediaRejectedException. */
public final class WavReaderFuzzer {
    private static final WavReader READER = new WavReader(1 << 16);

    private WavReaderFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        try {
            DecodedAudio a = READER.read(MediaSource.of(data));
            Contract.check(a.samples().length <= 1 << 16, "more samples than the frame cap");
        } catch (MediaRejectedException e) {
            Contract.refused(e);
        }
    }
}
