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
        int se = s.se(), al = s.al();
        for (int k = s.ss(); k <= se; k++) {
            int rs = ac.decode(in);
            int r = rs >> 4, size = rs & 15;
            if (size == 0) {
                if (r < 15) {
                    s.eobrun((1 << r) - 1 + (r > 0 ? in.bits(r) : 0));
                    return;
                }
                k += 15;
                continue;
            }
            k += r;
            if (k > se) throw JpegException.corrupt("AC run goes past the scan's band end " + se);
            c[off + JpegScan.ZIGZAG[k]] = (short) (in.receiveExtend(size) * (1 << al));
        }
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
                    if (size != 1) throw JpegException.corrupt("refinement coefficient of size " + size + " (must be 1)");
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
