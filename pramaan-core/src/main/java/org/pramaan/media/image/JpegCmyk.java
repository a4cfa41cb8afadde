package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.pramaan.media.image.JpegFrame.Component;

/**
 * Adobe CMYK and YCCK planes to RGB the way Meta's C++ PDQ reference sees them: ImageMagick reads
 * the JPEG through libjpeg, un-inverts Adobe's inverted samples and applies its plain formula
 * R = (1 − C)(1 − K), with no ICC profile (../shared/testdata/pdq/README.md, step 1). On libjpeg's
 * output samples s (inverted CMYK) that is R = s_C · s_K / 255, rounded as ImageMagick's 16-bit
 * quantum and its 8-bit output round it. YCCK (Adobe transform 2) is first turned into inverted CMY
 * by libjpeg: s_C = 255 − R(Y, Cb, Cr) with the YCbCr tables of {@link JpegFullColour}. Not what
 * ImageIO gives (TwelveMonkeys converts through a CMYK colour profile), on purpose.
 */
final class JpegCmyk {
    private JpegCmyk() {}

    static BufferedImage toImage(JpegFrame f, int[] xs, int[] ys) throws JpegException {
        int w = xs.length, h = ys.length;
        Component[] cs = f.components;
        JpegUpsampler[] up = new JpegUpsampler[4];
        for (int k = 0; k < 4; k++) up[k] = JpegUpsampler.of(f, cs[k], xs);
        int[][] s = new int[4][w];
        boolean ycck = f.adobeTransform == 2;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int j = 0; j < h; j++) {
            for (int k = 0; k < 4; k++) up[k].row(ys[j], s[k]);
            if (ycck) JpegFullColour.invertedCmy(s[0], s[1], s[2]);
            int[] c = s[0], m = s[1], y = s[2], kk = s[3];
            for (int i = 0; i < w; i++) {
                int k = kk[i];
                out[j * w + i] = (times(c[i], k) << 16) | (times(m[i], k) << 8) | times(y[i], k);
            }
        }
        return img;
    }

    /** a·b/255 as ImageMagick (Q16) computes it: rounded to a 16-bit quantum, then that quantum to 8 bits. */
    static int times(int a, int b) {
        int q = (257 * a * b * 2 + 255) / 510;
        return ((q + 128) - ((q + 128) >> 8)) >> 8;
    }
}
