package org.pramaan.media.image;

/**
 * A VP8 key frame's uncompressed data chunk and frame header (RFC 6386 §9, §19.1, §19.2): size,
 * segmentation, loop-filter controls, quantisers per segment, token probability updates, and the
 * token partitions, each checked against the bytes present.
 */
final class Vp8Header {
    final int width, height;
    final Vp8BoolDecoder first;
    final Vp8BoolDecoder[] partitions;
    boolean segmentsEnabled, updateMap, segmentAbsolute;
    final int[] segmentQuant = new int[4], segmentFilter = new int[4], segmentProbs = {255, 255, 255};
    boolean simpleFilter, filterDeltas;
    int filterLevel, sharpness;
    final int[] refDeltas = new int[4], modeDeltas = new int[4];
    /** Per segment: Y DC, Y AC, Y2 DC, Y2 AC, UV DC, UV AC dequantisation factors (§14.1). */
    final int[][] quant = new int[4][6];

    final int[] coeffProbs = Vp8Tables.DEFAULT_COEFF.clone();
    boolean skipEnabled;
    int skipProb;

    Vp8Header(byte[] d, int off, int len, long maxPixels) throws WebpException {
        if (len < 10) throw WebpException.corrupt("VP8 chunk of " + len + " bytes is shorter than a key frame header");
        int tag = (d[off] & 0xFF) | (d[off + 1] & 0xFF) << 8 | (d[off + 2] & 0xFF) << 16;
        if ((tag & 1) != 0) throw WebpException.corrupt("VP8 frame is not a key frame");
        if (((tag >> 1) & 7) > 3) throw WebpException.corrupt("VP8 version " + ((tag >> 1) & 7) + " is not 0..3");
        int firstSize = tag >>> 5;
        if ((d[off + 3] & 0xFF) != 0x9D || (d[off + 4] & 0xFF) != 0x01 || (d[off + 5] & 0xFF) != 0x2A) {
            throw WebpException.corrupt("VP8 key frame start code 9D 01 2A missing");
        }
        // §9.2: 14 bits of size; the 2 scaling bits ask the application to upscale, which decoders ignore.
        width = ((d[off + 6] & 0xFF) | (d[off + 7] & 0xFF) << 8) & 0x3FFF;
        height = ((d[off + 8] & 0xFF) | (d[off + 9] & 0xFF) << 8) & 0x3FFF;
        if (width == 0 || height == 0) throw WebpException.corrupt("VP8 frame is " + width + "x" + height);
        if ((long) width * height > maxPixels)
            throw WebpException.corrupt(
                    "VP8 frame " + width + "x" + height + " exceeds the " + maxPixels + "-pixel limit");
        if (firstSize > len - 10)
            throw WebpException.corrupt("first partition says " + firstSize + " bytes, " + (len - 10) + " are left");
        first = new Vp8BoolDecoder(d, off + 10, firstSize);
        readHeader(first);
        partitions = partitions(d, off + 10 + firstSize, len - 10 - firstSize, 1 << first.literal(2));
        readQuantisers(first);
        first.literal(1); // refresh_entropy_probs: only matters for the frames after a key frame
        for (int i = 0; i < coeffProbs.length; i++)
            if (first.read(Vp8Tables.COEFF_UPDATE[i])) coeffProbs[i] = first.literal(8);
        skipEnabled = first.read(128);
        skipProb = skipEnabled ? first.literal(8) : 0;
    }

    private void readHeader(Vp8BoolDecoder b) {
        b.literal(2); // colour space and clamping type: pixels are clamped either way
        segmentsEnabled = b.read(128);
        if (segmentsEnabled) {
            updateMap = b.read(128);
            boolean updateData = b.read(128);
            if (updateData) {
                segmentAbsolute = b.read(128);
                for (int i = 0; i < 4; i++) segmentQuant[i] = b.optionalSigned(7);
                for (int i = 0; i < 4; i++) segmentFilter[i] = b.optionalSigned(6);
            }
            if (updateMap) for (int i = 0; i < 3; i++) segmentProbs[i] = b.read(128) ? b.literal(8) : 255;
        }
        simpleFilter = b.read(128);
        filterLevel = b.literal(6);
        sharpness = b.literal(3);
        filterDeltas = b.read(128);
        if (filterDeltas && b.read(128)) {
            for (int i = 0; i < 4; i++) refDeltas[i] = b.optionalSigned(6);
            for (int i = 0; i < 4; i++) modeDeltas[i] = b.optionalSigned(6);
        }
    }

    private static Vp8BoolDecoder[] partitions(byte[] d, int off, int len, int n) throws WebpException {
        int sizes = 3 * (n - 1);
        if (sizes > len)
            throw WebpException.corrupt(
                    n + " token partitions need " + sizes + " bytes of sizes, " + len + " are left");
        Vp8BoolDecoder[] out = new Vp8BoolDecoder[n];
        int p = off + sizes, end = off + len;
        for (int i = 0; i < n; i++) {
            int size = i < n - 1
                    ? (d[off + 3 * i] & 0xFF) | (d[off + 3 * i + 1] & 0xFF) << 8 | (d[off + 3 * i + 2] & 0xFF) << 16
                    : end - p;
            if (size > end - p)
                throw WebpException.corrupt(
                        "token partition " + i + " says " + size + " bytes, " + (end - p) + " are left");
            out[i] = new Vp8BoolDecoder(d, p, size);
            p += size;
        }
        return out;
    }

    private void readQuantisers(Vp8BoolDecoder b) {
        int base = b.literal(7);
        int yDc = b.optionalSigned(4),
                y2Dc = b.optionalSigned(4),
                y2Ac = b.optionalSigned(4),
                uvDc = b.optionalSigned(4),
                uvAc = b.optionalSigned(4);
        for (int s = 0; s < 4; s++) {
            int q = !segmentsEnabled ? base : segmentAbsolute ? segmentQuant[s] : base + segmentQuant[s];
            int[] f = quant[s];
            f[0] = Vp8Tables.DC_Q[clip(q + yDc)];
            f[1] = Vp8Tables.AC_Q[clip(q)];
            f[2] = Vp8Tables.DC_Q[clip(q + y2Dc)] * 2;
            f[3] = Math.max(8, Vp8Tables.AC_Q[clip(q + y2Ac)] * 155 / 100);
            f[4] = Math.min(132, Vp8Tables.DC_Q[clip(q + uvDc)]);
            f[5] = Vp8Tables.AC_Q[clip(q + uvAc)];
        }
    }

    private static int clip(int q) {
        return q < 0 ? 0 : Math.min(q, 127);
    }

    /** §9.6 / §15.1: the filter level of a macroblock in segment {@code s}, intra-coded, B_PRED or not. */
    int filterLevel(int s, boolean bPred) {
        if (filterLevel == 0) return 0; // no filtering at all, whatever the segments say
        int lvl = !segmentsEnabled ? filterLevel : segmentAbsolute ? segmentFilter[s] : filterLevel + segmentFilter[s];
        lvl = Math.max(0, Math.min(63, lvl));
        if (filterDeltas) {
            lvl += refDeltas[0];
            if (bPred) lvl += modeDeltas[0];
            lvl = Math.max(0, Math.min(63, lvl));
        }
        return lvl;
    }
}
