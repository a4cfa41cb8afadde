package org.pramaan.labels;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Encodes a labelled picture as WebP (port; {@code pramaan-media-ffmpeg} implements it with the system
 * ffmpeg's libwebp, since no WebP encoder is bundled), so a WebP input comes back in its own format.
 */
public interface WebpEncoder {
    /** The lossy quality used when the input was lossy: high enough that the label's edges survive. */
    int LOSSY_QUALITY = 90;

    /**
     * @param lossless a VP8L (lossless) bitstream when the input was one, else VP8 at {@link #LOSSY_QUALITY}
     */
    byte[] encode(BufferedImage img, boolean lossless) throws IOException;

    /** Whether a WebP file's image data is the lossless VP8L bitstream (WebP container spec, "VP8L" chunk). */
    static boolean lossless(byte[] webp) {
        int pos = 12;
        while (pos >= 12 && pos + 8 <= webp.length) {
            String tag = new String(webp, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (tag.equals("VP8L")) return true;
            if (tag.equals("VP8 ")) return false;
            long size = (webp[pos + 4] & 0xFFL)
                    | (webp[pos + 5] & 0xFFL) << 8
                    | (webp[pos + 6] & 0xFFL) << 16
                    | (webp[pos + 7] & 0xFFL) << 24;
            long next = pos + 8L + size + (size & 1); // chunks are padded to even length
            if (next > webp.length) return false;
            pos = (int) next;
        }
        return false;
    }
}
