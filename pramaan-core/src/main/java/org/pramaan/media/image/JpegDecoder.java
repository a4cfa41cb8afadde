package org.pramaan.media.image;

import java.util.ArrayList;
import java.util.List;
import org.pramaan.media.image.JpegFrame.Component;

/**
 * A JPEG decoder for hashing: baseline, extended and progressive Huffman JPEG, 8-bit, grey or
 * YCbCr, any sampling factors 1..4, restart intervals (ITU-T T.81). It decodes straight to 1/1,
 * 1/2, 1/4 or 1/8 scale in the DCT domain ({@link JpegIdct}), or at full size with libjpeg's exact
 * pixels ({@link JpegIslowIdct}, {@link JpegColourSpace}); CMYK and YCCK with an Adobe APP14
 * marker are decoded to their four planes ({@link JpegCmyk}); other 4-component, RGB-coded, 12-bit,
 * arithmetic, lossless and hierarchical files are refused as {@linkplain JpegException#unsupported()
 * unsupported} so the caller can use ImageIO. Every segment length is checked against the bytes
 * present; scans, tables and dimensions are capped.
 */
final class JpegDecoder {
    static final int MAX_SCANS = 1000;
    private final byte[] d;
    private final int n;
    private final long maxPixels;
    private final int[][] quant = new int[4][];
    private final JpegHuffman[] dcTables = new JpegHuffman[4], acTables = new JpegHuffman[4];
    private JpegFrame frame;
    private int restartInterval, scans, adobeTransform = -1;
    private boolean jfif;
    private int pos;

    private JpegDecoder(byte[] data, int n, long maxPixels) {
        this.d = data;
        this.n = n;
        this.maxPixels = maxPixels;
    }

    /** @param n pixels per block side in the output: 8 (full size), 4, 2 or 1 */
    static JpegFrame decode(byte[] data, int n, long maxPixels) throws JpegException {
        if (n != 8 && n != 4 && n != 2 && n != 1)
            throw new IllegalArgumentException("scale must be 8, 4, 2 or 1 pixels per block, got " + n);
        return new JpegDecoder(data, n, maxPixels).run();
    }

    private JpegFrame run() throws JpegException {
        if (d.length < 4 || (d[0] & 0xFF) != 0xFF || (d[1] & 0xFF) != 0xD8)
            throw JpegException.corrupt("no SOI marker at offset 0");
        pos = 2;
        while (true) {
            org.pramaan.limits.WorkBudget.check(); // per segment (a progressive JPEG may hold thousands of scans)
            int marker = nextMarker();
            if (marker == 0xD9 || marker < 0) break;
            if (marker >= 0xD0 && marker <= 0xD7) continue; // stray RSTn outside a scan: no payload
            int len = segmentLength(marker);
            int start = pos + 2, end = pos + len;
            switch (marker) {
                case 0xC0, 0xC1, 0xC2 -> frame(marker == 0xC2, start, end);
                case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF ->
                    throw JpegException.unsupported(
                            String.format("SOF%d (lossless, hierarchical or arithmetic coding)", marker - 0xC0));
                case 0xC4 -> huffman(start, end);
                case 0xDB -> quantisation(start, end);
                case 0xDD -> restartInterval = u16(start, end);
                case 0xDA -> {
                    scan(start, end);
                    continue;
                }
                case 0xDC -> throw JpegException.unsupported("DNL marker (height given after the first scan)");
                case 0xEE -> adobe(start, end);
                case 0xE0 ->
                    jfif |= end - start >= 14
                            && d[start] == 'J'
                            && d[start + 1] == 'F'
                            && d[start + 2] == 'I'
                            && d[start + 3] == 'F'
                            && d[start + 4] == 0;
                default -> {} // APPn, COM and others: skipped
            }
            pos = end;
        }
        if (frame == null || scans == 0) throw JpegException.corrupt("no frame or no scan before the end of the data");
        if (frame.progressive) finishProgressive();
        return frame;
    }

    private int nextMarker() throws JpegException {
        if (pos >= d.length) return -1;
        if ((d[pos] & 0xFF) != 0xFF)
            throw JpegException.corrupt(
                    String.format("expected a marker at offset %d, found 0x%02X", pos, d[pos] & 0xFF));
        while (pos + 1 < d.length && (d[pos + 1] & 0xFF) == 0xFF) pos++; // fill bytes (T.81 §B.1.1.2)
        if (pos + 1 >= d.length) return -1;
        int m = d[pos + 1] & 0xFF;
        pos += 2;
        return m;
    }

    /** Leaves {@code pos} on the segment's length field; returns the length, checked against the data. */
    private int segmentLength(int marker) throws JpegException {
        if (pos + 2 > d.length)
            throw JpegException.corrupt(String.format("marker 0x%02X at offset %d has no length", marker, pos - 2));
        int len = ((d[pos] & 0xFF) << 8) | (d[pos + 1] & 0xFF);
        if (len < 2 || pos + len > d.length)
            throw JpegException.corrupt(String.format(
                    "segment 0x%02X at offset %d says %d bytes, %d are left", marker, pos - 2, len, d.length - pos));
        return len;
    }

    private int u16(int at, int end) throws JpegException {
        if (at + 2 > end) throw JpegException.corrupt("segment at offset " + at + " is too short");
        return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
    }

    private int u8(int at, int end) throws JpegException {
        if (at >= end) throw JpegException.corrupt("segment ends early at offset " + at);
        return d[at] & 0xFF;
    }

    private void adobe(int at, int end) {
        // Adobe APP14: "Adobe", version, flags0, flags1, transform (0 = RGB/CMYK, 1 = YCbCr, 2 = YCCK).
        if (end - at >= 12
                && d[at] == 'A'
                && d[at + 1] == 'd'
                && d[at + 2] == 'o'
                && d[at + 3] == 'b'
                && d[at + 4] == 'e') adobeTransform = d[at + 11] & 0xFF;
    }

    private void quantisation(int at, int end) throws JpegException {
        while (at < end) {
            int pq = u8(at, end) >> 4, tq = u8(at, end) & 15;
            if (pq > 1 || tq > 3)
                throw JpegException.corrupt("DQT table " + tq + " with precision " + pq + " at offset " + at);
            at++;
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[JpegScan.ZIGZAG[k]] = pq == 0 ? u8(at, end) : u16(at, end);
                at += pq == 0 ? 1 : 2;
            }
            quant[tq] = q;
        }
    }

    private void huffman(int at, int end) throws JpegException {
        while (at < end) {
            int tc = u8(at, end) >> 4, th = u8(at, end) & 15;
            if (tc > 1 || th > 3) throw JpegException.corrupt("DHT class " + tc + " table " + th + " at offset " + at);
            int[] counts = new int[17];
            int total = 0;
            for (int i = 1; i <= 16; i++) {
                counts[i] = u8(at + i, end);
                total += counts[i];
            }
            if (total > 256 || at + 17 + total > end)
                throw JpegException.corrupt("DHT at offset " + at + " lists " + total + " symbols");
            byte[] symbols = java.util.Arrays.copyOfRange(d, at + 17, at + 17 + total);
            (tc == 0 ? dcTables : acTables)[th] = new JpegHuffman(counts, symbols);
            at += 17 + total;
        }
    }

    private void frame(boolean progressive, int at, int end) throws JpegException {
        if (frame != null) throw JpegException.corrupt("second SOF at offset " + (at - 4));
        int precision = u8(at, end), h = u16(at + 1, end), w = u16(at + 3, end), nc = u8(at + 5, end);
        if (precision != 8) throw JpegException.unsupported(precision + "-bit samples");
        if (h == 0) throw JpegException.unsupported("height 0 (defined by a DNL marker)");
        if (w == 0) throw JpegException.corrupt("width 0 in SOF");
        if ((long) w * h > maxPixels)
            throw JpegException.corrupt(w + "x" + h + " is over the limit of " + maxPixels + " pixels");
        if (nc != 1 && nc != 3 && nc != 4) throw JpegException.unsupported(nc + " components");
        if (nc == 3 && adobeTransform == 0) throw JpegException.unsupported("RGB-coded components (Adobe transform 0)");
        Component[] comps = new Component[nc];
        for (int i = 0; i < nc; i++) {
            int p = at + 6 + 3 * i;
            int id = u8(p, end), hv = u8(p + 1, end), tq = u8(p + 2, end);
            if ((hv >> 4) < 1 || (hv >> 4) > 4 || (hv & 15) < 1 || (hv & 15) > 4 || tq > 3)
                throw JpegException.corrupt(
                        "component " + id + " has sampling " + (hv >> 4) + "x" + (hv & 15) + ", table " + tq);
            comps[i] = new Component(id, hv >> 4, hv & 15, tq);
        }
        if (nc == 3 && comps[0].id == 'R' && comps[1].id == 'G' && comps[2].id == 'B')
            throw JpegException.unsupported("RGB-coded components");
        frame = new JpegFrame(w, h, progressive, comps, n);
    }

    private void scan(int at, int end) throws JpegException {
        if (frame == null) throw JpegException.corrupt("SOS at offset " + (at - 4) + " before any SOF");
        if (++scans > MAX_SCANS) throw JpegException.corrupt("more than " + MAX_SCANS + " scans");
        if (scans == 1) JpegColourSpace.check(frame, jfif, adobeTransform);
        int ns = u8(at, end);
        if (ns < 1 || ns > frame.components.length || end - at != 4 + 2 * ns)
            throw JpegException.corrupt("SOS at offset " + (at - 4) + " with " + ns + " components");
        List<Component> comps = new ArrayList<>();
        for (int i = 0; i < ns; i++) {
            Component c = frame.byId(u8(at + 1 + 2 * i, end));
            int t = u8(at + 2 + 2 * i, end);
            c.dc = dcTables[(t >> 4) & 3];
            c.ac = acTables[t & 3];
            comps.add(c);
        }
        int p = at + 1 + 2 * ns;
        int[] spectral = {u8(p, end), u8(p + 1, end), u8(p + 2, end) >> 4, u8(p + 2, end) & 15};
        JpegScanCheck.check(frame, comps, spectral, quant);
        if (frame.progressive && n == 8) JpegColourSpace.noteBands(comps, spectral);
        pos = end;
        JpegBits bits = new JpegBits(d, pos, d.length);
        if (!JpegScanCheck.needed(frame, spectral)) {
            bits.skipScan(); // a band this scale never uses (AC at 1/8)
        } else {
            new JpegScan(frame, comps.toArray(Component[]::new), spectral, restartInterval, bits, quant, transform())
                    .decode();
            bits.requireNoMissingBits();
            bits.nextMarker();
        }
        pos = bits.position();
    }

    /** Full size: libjpeg's integer IDCT, so the pixels are ImageIO's; reduced scales: the float one. */
    private JpegTransform transform() {
        return n == 8 ? new JpegIslowIdct() : new JpegIdct(n);
    }

    private void finishProgressive() throws JpegException {
        if (n == 8) JpegColourSpace.requireComplete(frame);
        JpegTransform idct = transform();
        for (Component c : frame.components) {
            int[] q = quant[c.tq];
            if (q == null)
                throw JpegException.corrupt(
                        "component " + c.id + " uses quantisation table " + c.tq + ", never defined");
            for (int by = 0; by < c.realBlocksY; by++) {
                for (int bx = 0; bx < c.realBlocksX; bx++) {
                    idct.transform(
                            c.coefs,
                            (by * c.blocksPerLine + bx) * 64,
                            q,
                            c.plane,
                            by * n * c.planeStride + bx * n,
                            c.planeStride);
                }
            }
        }
    }
}
