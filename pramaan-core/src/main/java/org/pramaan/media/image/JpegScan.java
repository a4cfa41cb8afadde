package org.pramaan.media.image;

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
    /**
     * One block's coefficients in natural order, plus a last slot ({@value #DISCARD}) where the
     * coefficients a reduced scale never reads are written: they must still be decoded, but then
     * need neither a real slot nor clearing.
     */
    private final short[] block = new short[65];

    private static final int DISCARD = 64;
    /** Where the k-th zig-zag coefficient goes in {@link #block}: its natural index, or {@value #DISCARD}. */
    private final int[] slot;
    /** The natural indices the IDCT at this scale reads (the n×n lowest frequencies), the only ones to clear. */
    private final int[] read;

    private int eobrun;
    /** Whether {@link #block} holds AC coefficients from the last block (else only b[0] needs resetting, and it is overwritten). */
    private boolean dirty = true;

    JpegScan(
            JpegFrame f,
            Component[] comps,
            int[] spectral,
            int restartInterval,
            JpegBits in,
            int[][] quant,
            JpegTransform idct) {
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
        int n = idct.size();
        this.slot = new int[64];
        for (int k = 0; k < 64; k++) slot[k] = (ZIGZAG[k] & 7) < n && (ZIGZAG[k] >> 3) < n ? ZIGZAG[k] : DISCARD;
        this.read = new int[n * n];
        for (int v = 0, i = 0; v < n; v++) for (int u = 0; u < n; u++) read[i++] = v * 8 + u;
    }

    void decode() throws JpegException {
        for (Component c : comps) c.dcPred = 0;
        int count = 0;
        if (comps.length == 1) {
            Component c = comps[0];
            for (int by = 0; by < c.realBlocksY; by++) {
                org.pramaan.limits.WorkBudget.check(); // per block row: the decoder's outer loop (issue 11)
                for (int bx = 0; bx < c.realBlocksX; bx++) {
                    restartIfDue(count++);
                    block(c, bx, by);
                }
            }
            return;
        }
        for (int my = 0; my < f.mcusY; my++) {
            org.pramaan.limits.WorkBudget.check();
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
            if (dirty) for (int z : read) block[z] = 0;
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

    /**
     * Decodes one sequential block into {@code b} (whose {@link #read} slots must be zero but for
     * b[0]); true if any AC coefficient was non-zero, read at this scale or not, so that a block
     * takes the same IDCT path whatever the scale.
     */
    private boolean sequential(Component c, short[] b) throws JpegException {
        int[] fastAc = c.ac.fastAc, fast = c.ac.fast, slot = this.slot;
        JpegBits in = this.in;
        // The bit window in locals: the JIT keeps them in registers, where fields would be
        // stored and reloaded around every symbol (the chain that bounds Huffman decoding).
        if (in.bits < 32) in.fill();
        long buf = in.buf;
        int bits = in.bits;
        // DC (§F.2.2.1): a code of up to 11 bits and up to 11 magnitude bits fit the 32 just made sure of.
        int dc = c.dc.fast[(int) (buf >>> (bits - JpegHuffman.LOOKUP_BITS)) & ((1 << JpegHuffman.LOOKUP_BITS) - 1)];
        if (dc != 0 && (dc & 0xFF) <= 11) {
            bits -= dc >> 8;
            int t = dc & 0xFF;
            if (t != 0) {
                int v = (int) (buf >>> (bits - t)) & ((1 << t) - 1);
                bits -= t;
                c.dcPred += v < (1 << (t - 1)) ? v - (1 << t) + 1 : v;
            }
        } else {
            in.bits = bits; // a long code or a bad category: the plain path, which names the error
            c.dcPred += in.receiveExtend(dcCategory(c));
            buf = in.buf;
            bits = in.bits;
        }
        b[0] = (short) c.dcPred;
        boolean ac = false;
        for (int k = 1; k < 64; ) {
            if (bits < JpegHuffman.LOOKUP_BITS) {
                in.bits = bits;
                in.fill();
                buf = in.buf;
                bits = in.bits;
            }
            int e = fastAc[(int) (buf >>> (bits - JpegHuffman.LOOKUP_BITS)) & ((1 << JpegHuffman.LOOKUP_BITS) - 1)];
            if (e != 0) {
                bits -= e & 0xFF;
                k += (e >> 8) & 0xFF;
                if (k > 63) {
                    in.bits = bits;
                    if (((e >> 8) & 0xFF) == JpegHuffman.EOB_RUN) return ac;
                    throw JpegException.corrupt("AC run goes past coefficient 63");
                }
                b[slot[k++]] = (short) (e >> 16);
                ac = true;
                continue;
            }
            // A short code with a long magnitude: the symbol from the code table, then its bits
            // (at most 11 + 15, so one top-up covers both).
            if (bits < 32) {
                in.bits = bits;
                in.fill();
                buf = in.buf;
                bits = in.bits;
            }
            int rs, value = 0;
            int sym = fast[(int) (buf >>> (bits - JpegHuffman.LOOKUP_BITS)) & ((1 << JpegHuffman.LOOKUP_BITS) - 1)];
            if (sym != 0) {
                bits -= sym >> 8;
                rs = sym & 0xFF;
                int size = rs & 15;
                if (size != 0) {
                    int v = (int) (buf >>> (bits - size)) & ((1 << size) - 1);
                    bits -= size;
                    value = v < (1 << (size - 1)) ? v - (1 << size) + 1 : v; // EXTEND, T.81 §F.2.2.1
                }
            } else {
                in.bits = bits; // a code over 11 bits: the plain path, through the fields
                rs = c.ac.decode(in);
                if ((rs & 15) != 0) value = in.receiveExtend(rs & 15);
                buf = in.buf;
                bits = in.bits;
            }
            int r = rs >> 4, s = rs & 15;
            if (s == 0) {
                if (r != 15) {
                    in.bits = bits;
                    return ac;
                }
                k += 16;
            } else {
                k += r;
                if (k > 63) {
                    in.bits = bits;
                    throw JpegException.corrupt("AC run goes past coefficient 63");
                }
                b[slot[k++]] = (short) value;
                ac = true;
            }
        }
        in.bits = bits;
        return ac;
    }

    JpegBits in() {
        return in;
    }

    int ss() {
        return ss;
    }

    int se() {
        return se;
    }

    int al() {
        return al;
    }

    int eobrun() {
        return eobrun;
    }

    void eobrun(int v) {
        eobrun = v;
    }

    private static int[] zigzag() {
        int[] z = new int[64];
        int x = 0, y = 0;
        for (int k = 0; k < 64; k++) {
            z[k] = y * 8 + x;
            if ((x + y) % 2 == 0) {
                if (x == 7) y++;
                else if (y == 0) x++;
                else {
                    x++;
                    y--;
                }
            } else {
                if (y == 7) x++;
                else if (x == 0) y++;
                else {
                    x--;
                    y++;
                }
            }
        }
        return z;
    }
}
