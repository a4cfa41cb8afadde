package org.pramaan.media.image;

import java.io.IOException;

/** JDK-written test JPEGs with every component's sampling factors chosen (Y, Cb, Cr), for the full-size exactness tests. */
final class JpegExactSamples {
    /** @param factors h0, v0, h1, v1, h2, v2 (ignored for grey) */
    record Spec(
            int width,
            int height,
            boolean grey,
            int[] factors,
            float quality,
            boolean progressive,
            int restartInterval,
            long seed) {
        @Override
        public String toString() {
            String f = grey
                    ? " grey"
                    : String.format(
                            " %dx%d,%dx%d,%dx%d",
                            factors[0], factors[1], factors[2], factors[3], factors[4], factors[5]);
            return width + "x" + height + f + " q" + quality + (progressive ? " progressive" : "") + " dri"
                    + restartInterval;
        }
    }

    private JpegExactSamples() {}

    static Spec spec(int w, int h, int[] factors, float q, boolean progressive, int dri, long seed) {
        return new Spec(w, h, false, factors, q, progressive, dri, seed);
    }

    static byte[] encode(Spec s) throws IOException {
        return JpegSamples.encode(
                JpegSamples.picture(s.width(), s.height(), s.grey(), s.seed()),
                s.factors(),
                s.quality(),
                s.progressive(),
                s.restartInterval());
    }
}
