package org.pramaan.media;

import org.pramaan.fuzz.Contract;

/** Intake's prober (magic bytes, image/BMFF/EBML/audio headers): MediaInfo, or a MediaRejectedException. */
public final class MediaProberFuzzer {
    private static final MediaProber PROBER = MediaProber.standard();
    private static final MediaLimits LIMITS = new MediaLimits(1L << 24, 1L << 22);

    private MediaProberFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        try {
            MediaInfo info = PROBER.probe(MediaSource.of(data), LIMITS);
            info.dimensions()
                    .ifPresent(d -> Contract.check(d.pixels() <= LIMITS.maxPixels(), "accepted over the pixel limit"));
        } catch (MediaRejectedException e) {
            Contract.refused(e);
        }
    }
}
