package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * VP8's YUV 4:2:0 to RGB at the positions asked for only: output pixel (i, j) is frame pixel
 * (xs[i], ys[j]), its chroma the co-sited sample of the half-size planes (replication, as
 * TwelveMonkeys' reader does; libwebp's "fancy" upsampling would differ by a level or two). The
 * conversion is ITU-R BT.601 with studio range (RFC 6386 §9.2, colour space 0), in 16.16 fixed
 * point: R = 1.164(Y−16) + 1.596(V−128), G = 1.164(Y−16) − 0.813(V−128) − 0.392(U−128),
 * B = 1.164(Y−16) + 2.017(U−128).
 */
final class WebpColour {
    private static final int[] Y = new int[256],
            V_R = new int[256],
            U_B = new int[256],
            V_G = new int[256],
            U_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            Y[i] = (76309 * (i - 16) + 32768) >> 16;
            V_R[i] = (104597 * (i - 128) + 32768) >> 16;
            U_B[i] = (132201 * (i - 128) + 32768) >> 16;
            V_G[i] = -53279 * (i - 128);
            U_G[i] = -25674 * (i - 128) + 32768;
        }
    }

    private WebpColour() {}

    static BufferedImage toImage(Vp8Frame f, int[] xs, int[] ys) {
        int w = xs.length, h = ys.length;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int j = 0; j < h; j++) {
            int ry = f.yAt(0, ys[j]), ruv = f.uvAt(0, ys[j] >> 1);
            for (int i = 0; i < w; i++) {
                int x = xs[i];
                int yy = Y[f.y[ry + x] & 0xFF], u = f.u[ruv + (x >> 1)] & 0xFF, v = f.v[ruv + (x >> 1)] & 0xFF;
                out[j * w + i] =
                        (clamp(yy + V_R[v]) << 16) | (clamp(yy + ((V_G[v] + U_G[u]) >> 16)) << 8) | clamp(yy + U_B[u]);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
