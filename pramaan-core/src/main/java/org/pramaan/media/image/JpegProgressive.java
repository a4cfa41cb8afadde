package org.pramaan.media.image;

/**
 * Progressive AC scans (T.81 §G.1.2.2 and §G.1.2.3): first passes with end-of-band runs spanning
 * blocks, and refinement passes that add one bit to coefficients already non-zero while placing new
 * ±1 coefficients among the zero ones.
 */
final class JpegProgressive {
    private JpegProgressive() {}

    static void acFirst(JpegScan s, JpegHuffman ac, short[] c, int off) throws JpegException {
        if (s.eobrun() > 0) {
            s.eobrun(s.eobrun() - 1);
            return;
        }
        JpegBits in = s.in();
        int se = s.se(), scale = 1 << s.al();
        int[] fastAc = ac.fastAc;
        // As in JpegScan's sequential loop: the bit window in locals, the common coefficient (short
        // code and magnitude) straight from the look-up; the rest through the plain path.
        long buf = in.buf;
        int bits = in.bits;
        for (int k = s.ss(); k <= se; ) {
            if (bits < JpegHuffman.LOOKUP_BITS) {
                in.bits = bits;
                in.fill();
                buf = in.buf;
                bits = in.bits;
            }
            int e = fastAc[(int) (buf >>> (bits - JpegHuffman.LOOKUP_BITS)) & ((1 << JpegHuffman.LOOKUP_BITS) - 1)];
            if (e != 0) {
                bits -= e & 0xFF;
                int run = (e >> 8) & 0xFF;
                if (run == JpegHuffman.EOB_RUN) break; // EOB: a run of one block, this one
                k += run;
                if (k > se) {
                    in.bits = bits;
                    throw JpegException.corrupt("AC run goes past the scan's band end " + se);
                }
                c[off + JpegScan.ZIGZAG[k++]] = (short) ((e >> 16) * scale);
                continue;
            }
            in.bits = bits;
            int rs = ac.decode(in);
            int r = rs >> 4, size = rs & 15;
            if (size == 0) {
                if (r < 15) {
                    s.eobrun((1 << r) - 1 + (r > 0 ? in.bits(r) : 0));
                    return;
                }
                k += 16;
            } else {
                k += r;
                if (k > se) throw JpegException.corrupt("AC run goes past the scan's band end " + se);
                c[off + JpegScan.ZIGZAG[k++]] = (short) (in.receiveExtend(size) * scale);
            }
            buf = in.buf;
            bits = in.bits;
        }
        in.bits = bits;
    }

    static void acRefine(JpegScan s, JpegHuffman ac, short[] c, int off) throws JpegException {
        JpegBits in = s.in();
        int se = s.se();
        int p1 = 1 << s.al(), m1 = -1 << s.al();
        int k = s.ss();
        if (s.eobrun() == 0) {
            for (; k <= se; k++) {
                int rs = ac.decode(in);
                int r = rs >> 4, size = rs & 15, value = 0;
                if (size != 0) {
                    if (size != 1)
                        throw JpegException.corrupt("refinement coefficient of size " + size + " (must be 1)");
                    value = in.bit() ? p1 : m1;
                } else if (r != 15) {
                    s.eobrun((1 << r) + (r > 0 ? in.bits(r) : 0));
                    break;
                }
                // Skip r zero coefficients (refining the non-zero ones passed on the way), then place value.
                for (; k <= se; k++) {
                    int z = off + JpegScan.ZIGZAG[k];
                    if (c[z] != 0) refine(in, c, z, p1, m1);
                    else if (r-- == 0) break;
                }
                if (value != 0) {
                    if (k > se) throw JpegException.corrupt("refinement run goes past the scan's band end " + se);
                    c[off + JpegScan.ZIGZAG[k]] = (short) value;
                }
            }
        }
        if (s.eobrun() > 0) {
            for (; k <= se; k++) {
                int z = off + JpegScan.ZIGZAG[k];
                if (c[z] != 0) refine(in, c, z, p1, m1);
            }
            s.eobrun(s.eobrun() - 1);
        }
    }

    private static void refine(JpegBits in, short[] c, int z, int p1, int m1) throws JpegException {
        if (in.bit() && (c[z] & p1) == 0) c[z] += (short) (c[z] >= 0 ? p1 : m1);
    }
}
