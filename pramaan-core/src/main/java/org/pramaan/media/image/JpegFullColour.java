package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import org.pramaan.media.image.JpegFrame.Component;

/**
 * Full-size planes to the pixels ImageIO gives, only at the positions asked for (every pixel of a
 * small image, the squash's 512×512 of a larger one): chroma upsampled as libjpeg does
 * ({@link JpegUpsampler}), then YCbCr to RGB with libjpeg 6b's jdcolor.c tables (16-bit fixed
 * point, JFIF 1.02 / CCIR 601 coefficients 1.402, 1.772, 0.71414, 0.34414, rounding half up) and
 * its clamp. Grey files are the luma plane itself. Embedded ICC profiles are not applied (ImageIO
 * would apply one; Meta's C++ PDQ reference, which the hash is held to, does not).
 */
final class JpegFullColour {
    private static final int SCALEBITS = 16, ONE_HALF = 1 << (SCALEBITS - 1);
    private static final int[] CR_R = new int[256], CB_B = new int[256], CR_G = new int[256], CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALEBITS;
            CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALEBITS;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private JpegFullColour() {}

    private static int fix(double v) {
        return (int) (v * (1 << SCALEBITS) + 0.5);
    }

    static BufferedImage toImage(JpegFrame f, int[] xs, int[] ys) throws JpegException {
        int w = xs.length, h = ys.length;
        Component[] cs = f.components;
        if (cs.length == 1) {
            // A lone component is never upsampled: its plane is the image.
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] out = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            byte[] p = cs[0].plane;
            for (int j = 0; j < h; j++) {
                int row = ys[j] * cs[0].planeStride;
                for (int i = 0; i < w; i++) out[j * w + i] = p[row + xs[i]];
            }
            return img;
        }
        JpegUpsampler uy = JpegUpsampler.of(f, cs[0], xs),
                ub = JpegUpsampler.of(f, cs[1], xs),
                ur = JpegUpsampler.of(f, cs[2], xs);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] y = new int[w], cb = new int[w], cr = new int[w];
        for (int j = 0; j < h; j++) {
            uy.row(ys[j], y);
            ub.row(ys[j], cb);
            ur.row(ys[j], cr);
            int o = j * w;
            for (int i = 0; i < w; i++) {
                int l = y[i], b = cb[i], r = cr[i];
                out[o + i] = (clamp(l + CR_R[r]) << 16)
                        | (clamp(l + ((CB_G[b] + CR_G[r]) >> SCALEBITS)) << 8)
                        | clamp(l + CB_B[b]);
            }
        }
        return img;
    }

    /** libjpeg's YCCK step: Y, Cb, Cr (in place) to 255 − R, 255 − G, 255 − B. */
    static void invertedCmy(int[] y, int[] cb, int[] cr) {
        for (int i = 0; i < y.length; i++) {
            int l = y[i], b = cb[i], r = cr[i];
            y[i] = 255 - clamp(l + CR_R[r]);
            cb[i] = 255 - clamp(l + ((CB_G[b] + CR_G[r]) >> SCALEBITS));
            cr[i] = 255 - clamp(l + CB_B[b]);
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
