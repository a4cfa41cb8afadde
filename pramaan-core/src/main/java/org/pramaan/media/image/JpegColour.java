package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import org.pramaan.media.image.JpegFrame.Component;

/**
 * Turns decoded planes into pixels, only at the positions asked for: output pixel (i, j) is plane
 * position (xs[i], ys[j]) at luma resolution, and chroma is taken from the co-sited sample of its
 * smaller plane (replication, not libjpeg's "fancy" triangle upsampling). YCbCr to RGB per JFIF 1.02
 * (CCIR 601 coefficients, full range), in 16.16 fixed point.
 */
final class JpegColour {
    private static final int[] CR_R = new int[256], CB_B = new int[256], CB_G = new int[256], CR_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i - 128;
            CR_R[i] = (int) Math.round(1.402 * c);
            CB_B[i] = (int) Math.round(1.772 * c);
            CB_G[i] = (int) Math.round(-0.344136 * 65536 * c);
            CR_G[i] = (int) Math.round(-0.714136 * 65536 * c) + 32768;
        }
    }

    private JpegColour() {}

    static BufferedImage toImage(JpegFrame f, int[] xs, int[] ys) {
        int w = xs.length, h = ys.length;
        Component[] cs = f.components;
        int[][] cx = new int[cs.length][w];
        for (int k = 0; k < cs.length; k++) for (int i = 0; i < w; i++) cx[k][i] = xs[i] * cs[k].h / f.hMax;
        if (cs.length == 1) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] out = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int j = 0; j < h; j++) {
                int row = ys[j] * cs[0].planeStride;
                for (int i = 0; i < w; i++) out[j * w + i] = cs[0].plane[row + cx[0][i]];
            }
            return img;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int j = 0; j < h; j++) {
            int ry = ys[j] * cs[0].v / f.vMax * cs[0].planeStride;
            int rb = ys[j] * cs[1].v / f.vMax * cs[1].planeStride;
            int rr = ys[j] * cs[2].v / f.vMax * cs[2].planeStride;
            for (int i = 0; i < w; i++) {
                int y = cs[0].plane[ry + cx[0][i]] & 0xFF;
                int cb = cs[1].plane[rb + cx[1][i]] & 0xFF;
                int cr = cs[2].plane[rr + cx[2][i]] & 0xFF;
                out[j * w + i] = (clamp(y + CR_R[cr]) << 16)
                        | (clamp(y + ((CB_G[cb] + CR_G[cr]) >> 16)) << 8)
                        | clamp(y + CB_B[cb]);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
