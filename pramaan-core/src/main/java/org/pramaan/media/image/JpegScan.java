package org.pramaan.media.image;

import java.util.Arrays;
import org.pramaan.media.image.JpegFrame.Component;

/**
 * Entropy decoding of one scan (T.81 §F.2 sequential, §G.1.2 progressive), restart intervals
 * included (§B.2.1, §F.2.2.2). Sequential blocks go through the reduced IDCT as soon as they are
 * decoded; progressive ones accumulate coefficients until the last scan.
 */
final class JpegScan {
    /** Natural (row-major) index of the k-th coefficient in zig-zag order (T.81 Figure A.6). */
    static final int[] ZIGZAG = zigzag();
    private final JpegFrame f;
    private final Component[] comps;
    private final int ss, se, ah, al, restartInterval;
    private final JpegBits in;
    private final int[][] quant;
    private final JpegTransform idct;
    private final short[] block = new short[64];
    private int eobrun;
    /** Whether {@link #block} holds AC coefficients from the last block (else only b[0] needs resetting, and it is overwritten). */
    private boolean dirty = true;

    JpegScan(JpegFrame f, Component[] comps, int[] spectral, int restartInterval, JpegBits in, int[][] quant, JpegTransform idct) {
        this.f = f;
        this.comps = comps;
        this.ss = spectral[0];
        this.se = spectral[1];
        this.ah = spectral[2];
        this.al = spectral[3];
        this.restartInterval = restartInterval;
        this.in = in;
        this.quant = quant;
        this.idct = idct;
    }

    void decode() throws JpegException {
        for (Component c : comps) c.dcPred = 0;
        int count = 0;
        if (comps.length == 1) {
            Component c = comps[0];
            for (int by = 0; by < c.realBlocksY; by++) {
                for (int bx = 0; bx < c.realBlocksX; bx++) {
                    restartIfDue(count++);
                    block(c, bx, by);
                }
            }
            return;
        }
        for (int my = 0; my < f.mcusY; my++) {
            for (int mx = 0; mx < f.mcusX; mx++) {
                restartIfDue(count++);
                for (Component c : comps) {
                    for (int v = 0; v < c.v; v++) for (int h = 0; h < c.h; h++) block(c, mx * c.h + h, my * c.v + v);
                }
            }
        }
    }

    private void restartIfDue(int count) throws JpegException {
        if (restartInterval == 0 || count == 0 || count % restartInterval != 0) return;
        in.restart();
        for (Component c : comps) c.dcPred = 0;
        eobrun = 0;
    }

    private void block(Component c, int bx, int by) throws JpegException {
        if (!f.progressive) {
            if (dirty) Arrays.fill(block, (short) 0);
            dirty = sequential(c, block);
            int n = f.n, at = by * n * c.planeStride + bx * n;
            if (dirty) idct.transform(block, 0, quant[c.tq], c.plane, at, c.planeStride);
            else idct.flat(block[0], quant[c.tq], c.plane, at, c.planeStride);
            return;
        }
        int off = (by * c.blocksPerLine + bx) * 64;
        if (ss == 0) {
            if (ah == 0) c.coefs[off] = (short) ((c.dcPred += in.receiveExtend(dcCategory(c))) << al);
            else if (in.bit()) c.coefs[off] |= (short) (1 << al);
        } else if (ah == 0) JpegProgressive.acFirst(this, c.ac, c.coefs, off);
        else JpegProgressive.acRefine(this, c.ac, c.coefs, off);
    }

    private int dcCategory(Component c) throws JpegException {
        int t = c.dc.decode(in);
        if (t > 11) throw JpegException.corrupt("DC magnitude category " + t + " is over 11");
        return t;
    }

    /** Decodes one sequential block into {@code b} (which must be zero but for b[0]); true if any AC coefficient was set. */
    private boolean sequential(Component c, short[] b) throws JpegException {
        c.dcPred += in.receiveExtend(dcCategory(c));
        b[0] = (short) c.dcPred;
        int[] fastAc = c.ac.fastAc;
        boolean ac = false;
        for (int k = 1; k < 64; ) {
            int e = fastAc[in.peek(JpegHuffman.LOOKUP_BITS)];
            if (e != 0) {
                in.skip(e & 0xFF);
                k += (e >> 8) & 0xFF;
                if (k > 63) {
                    if (((e >> 8) & 0xFF) == JpegHuffman.EOB_RUN) return ac;
                    throw JpegException.corrupt("AC run goes past coefficient 63");
                }
                b[ZIGZAG[k++]] = (short) (e >> 16);
                ac = true;
                continue;
            }
            int rs = c.ac.decode(in);
            int r = rs >> 4, s = rs & 15;
            if (s == 0) {
                if (r != 15) return ac;
                k += 16;
                continue;
            }
            k += r;
            if (k > 63) throw JpegException.corrupt("AC run goes past coefficient 63");
            b[ZIGZAG[k++]] = (short) in.receiveExtend(s);
            ac = true;
        }
        return ac;
    }

    JpegBits in() { return in; }

    int ss() { return ss; }

    int se() { return se; }

    int al() { return al; }

    int eobrun() { return eobrun; }

    void eobrun(int v) { eobrun = v; }

    private static int[] zigzag() {
        int[] z = new int[64];
        int x = 0, y = 0;
        for (int k = 0; k < 64; k++) {
            z[k] = y * 8 + x;
            if ((x + y) % 2 == 0) { if (x == 7) y++; else if (y == 0) x++; else { x++; y--; } }
            else { if (y == 7) x++; else if (x == 0) y++; else { x--; y++; } }
        }
        return z;
    }
}
