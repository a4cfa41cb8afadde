package org.pramaan.watermark;

import java.util.ArrayList;
import java.util.List;

/**
 * Looks for the known Stable Diffusion messages. One decode of block bits per channel order serves
 * every message (the vote is per message length). Both channel orders are tried because both kinds
 * of marked image exist ({@link ChannelOrder}); the better order is reported, BGR on ties. Trying
 * two orders at most doubles the chance that an unmarked image reaches a threshold, and so does
 * counting the complement of a message marked in float arithmetic ({@link KnownWatermark#invertible}):
 * SDXL, up to four hypotheses. The published detector (detect.py) tries one, so it reports warm-toned
 * SDXL images, whose float U plane is mostly negative, as unmarked.
 */
public final class SdWatermarkDetector {
    private final List<KnownWatermark> known;

    public SdWatermarkDetector() {
        this(KnownWatermark.ALL);
    }

    public SdWatermarkDetector(List<KnownWatermark> known) {
        this.known = List.copyOf(known);
    }

    /** True when the package would accept the image at all (it refuses fewer than 256×256 pixels). */
    public static boolean applies(int width, int height) {
        return (long) width * height >= DwtDctWatermark.MIN_PIXELS;
    }

    /** One match per known message, whatever its verdict; empty for images the package refuses. */
    public List<WatermarkMatch> detect(RgbPixels img) {
        if (!applies(img.width(), img.height())) return List.of();
        int n = DwtDctWatermark.blockCount(img.width(), img.height());
        byte[] bgr = new byte[n], swapped = new byte[n];
        FastBlockBits.both(img, bgr, swapped);
        List<WatermarkMatch> out = new ArrayList<>();
        for (KnownWatermark k : known) {
            WatermarkMatch a = match(k, ChannelOrder.BGR, bgr), b = match(k, ChannelOrder.RGB_AS_BGR, swapped);
            out.add(b.matchedBits() > a.matchedBits() ? b : a);
        }
        return out;
    }

    static WatermarkMatch match(KnownWatermark k, ChannelOrder order, byte[] blockBits) {
        boolean[] want = k.bits();
        boolean[] got = DwtDctWatermark.vote(blockBits, want.length);
        int same = 0;
        for (int i = 0; i < want.length; i++) if (want[i] == got[i]) same++;
        boolean inverted = k.invertible() && want.length - same > same;
        return new WatermarkMatch(k, order, got, inverted, inverted ? want.length - same : same);
    }
}
