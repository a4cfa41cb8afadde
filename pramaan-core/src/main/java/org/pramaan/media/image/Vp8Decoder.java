package org.pramaan.media.image;

import static org.pramaan.media.image.Vp8Predict.B_PRED;

/**
 * A VP8 key-frame decoder (RFC 6386), for WebP's lossy images: per macroblock, the modes from the
 * first partition (§11, §19.3), the residual tokens from its token partition (§13), dequantisation
 * and inverse transforms (§14), intra prediction (§12); then the loop filter over the frame (§15).
 */
final class Vp8Decoder {
    private static final int[] YMODE_TREE = {
        -B_PRED, 2, 4, 6, -Vp8Predict.DC, -Vp8Predict.V, -Vp8Predict.H, -Vp8Predict.TM
    };
    private static final int[] YMODE_PROBS = {145, 156, 163, 128};
    private static final int[] UV_TREE = {-Vp8Predict.DC, 2, -Vp8Predict.V, 4, -Vp8Predict.H, -Vp8Predict.TM};
    private static final int[] UV_PROBS = {142, 114, 183};
    private static final int[] BMODE_TREE = {
        -Vp8Predict.B_DC,
        2,
        -Vp8Predict.B_TM,
        4,
        -Vp8Predict.B_VE,
        6,
        8,
        12,
        -Vp8Predict.B_HE,
        10,
        -Vp8Predict.B_RD,
        -Vp8Predict.B_VR,
        -Vp8Predict.B_LD,
        14,
        -Vp8Predict.B_VL,
        16,
        -Vp8Predict.B_HD,
        -Vp8Predict.B_HU
    };
    private static final int[] SEGMENT_TREE = {2, 4, 0, -1, -2, -3};
    /** The subblock mode a whole-block luma mode stands for, as context for B_PRED neighbours (§11.3). */
    private static final int[] IMPLIED_BMODE = {Vp8Predict.B_DC, Vp8Predict.B_VE, Vp8Predict.B_HE, Vp8Predict.B_TM};

    private final Vp8Header h;
    private final Vp8Frame f;
    private final Vp8Residuals res;
    private final int[] aboveModes, leftModes = new int[4];
    private final int[] level;
    private final boolean[] inner;
    private final int[] bmodes = new int[16], edge = new int[13], tmp = new int[16];

    private final boolean loopFilter;

    private Vp8Decoder(Vp8Header h, boolean loopFilter) {
        this.h = h;
        this.loopFilter = h.filterLevel > 0 && (loopFilter || !mildFilter(h));
        this.f = new Vp8Frame(h.width, h.height);
        this.res = new Vp8Residuals(h, f.mbw);
        this.aboveModes = new int[4 * f.mbw];
        this.level = new int[f.mbw * f.mbh];
        this.inner = new boolean[f.mbw * f.mbh];
    }

    /** Decodes the VP8 bitstream at {@code d[off..off+len)}; refuses frames over {@code maxPixels}. */
    static Vp8Frame decode(byte[] d, int off, int len, long maxPixels) throws WebpException {
        return decode(d, off, len, maxPixels, true);
    }

    /**
     * @param loopFilter false to leave out a mild loop filter (§15, normal type, level ≤
     *     {@value #MILD_LEVEL}), for hashing only. VP8 predicts from unfiltered pixels (§15: the
     *     filter runs "after the summation of predictor and residue"), so every sample is then
     *     libwebp's before filtering; a mild filter only smooths up to 3 pixels either side of
     *     4-pixel block edges, detail PDQ's 512 px squash and 64×64 box filter hardly see, and it
     *     costs about a third of the decode (docs/performance.md).
     */
    static Vp8Frame decode(byte[] d, int off, int len, long maxPixels, boolean loopFilter) throws WebpException {
        Vp8Header h = new Vp8Header(d, off, len, maxPixels);
        Vp8Decoder dec = new Vp8Decoder(h, loopFilter);
        dec.run();
        return dec.f;
    }

    /**
     * The strongest filter level a hashing decode may leave out: cwebp's default quality (75) and
     * Pillow's (80) give levels 7–15. On a test picture made to stress the filter (hard edges,
     * noise), leaving out levels 10 and 15 moved PDQ by 2 bits, levels 33–63 by 8, and the simple
     * filter at level 14 by 6 (WebpDecoderTest), so those keep the filter.
     */
    static final int MILD_LEVEL = 16;

    private static boolean mildFilter(Vp8Header h) {
        if (h.simpleFilter) return false;
        for (int s = 0; s < 4; s++)
            if (h.filterLevel(s, false) > MILD_LEVEL || h.filterLevel(s, true) > MILD_LEVEL) return false;
        return true;
    }

    private void run() {
        for (int my = 0; my < f.mbh; my++) {
            Vp8BoolDecoder tokens = h.partitions[my % h.partitions.length];
            java.util.Arrays.fill(leftModes, Vp8Predict.B_DC);
            res.newRow();
            if (my > 0) {
                // §12.3: right of the last macroblock, the row above is continued by its last pixel.
                int o = f.yAt(16 * f.mbw, 16 * my - 1);
                java.util.Arrays.fill(f.y, o, o + 4, f.y[o - 1]);
            }
            for (int mx = 0; mx < f.mbw; mx++) macroblock(mx, my, tokens);
            if (loopFilter && my > 0) Vp8LoopFilter.row(f, my - 1, level, inner, h.simpleFilter, h.sharpness);
        }
        if (loopFilter) Vp8LoopFilter.row(f, f.mbh - 1, level, inner, h.simpleFilter, h.sharpness);
    }

    private void macroblock(int mx, int my, Vp8BoolDecoder tokens) {
        Vp8BoolDecoder b = h.first;
        int segment = h.updateMap ? b.tree(SEGMENT_TREE, h.segmentProbs, 0) : 0;
        boolean skip = h.skipEnabled && b.read(h.skipProb);
        int ymode = b.tree(YMODE_TREE, YMODE_PROBS, 0);
        if (ymode == B_PRED) {
            for (int i = 0; i < 16; i++) {
                int above = aboveModes[4 * mx + (i & 3)], left = leftModes[i >> 2];
                int m = b.tree(BMODE_TREE, Vp8Tables.KF_BMODE, (above * 10 + left) * 9);
                bmodes[i] = m;
                aboveModes[4 * mx + (i & 3)] = m;
                leftModes[i >> 2] = m;
            }
        } else {
            java.util.Arrays.fill(aboveModes, 4 * mx, 4 * mx + 4, IMPLIED_BMODE[ymode]);
            java.util.Arrays.fill(leftModes, IMPLIED_BMODE[ymode]);
        }
        int uvmode = b.tree(UV_TREE, UV_PROBS, 0);
        boolean coded = skip ? res.skip(mx, ymode == B_PRED) : res.read(tokens, mx, ymode == B_PRED, h.quant[segment]);
        int mb = my * f.mbw + mx;
        level[mb] = h.filterLevel(segment, ymode == B_PRED);
        inner[mb] = ymode == B_PRED || coded;
        luma(mx, my, ymode);
        int uo = f.uvAt(8 * mx, 8 * my);
        Vp8Predict.block(f.u, uo, f.uvStride, 8, uvmode, my > 0, mx > 0);
        Vp8Predict.block(f.v, uo, f.uvStride, 8, uvmode, my > 0, mx > 0);
        for (int i = 0; i < 4; i++) {
            int o = uo + (i >> 1) * 4 * f.uvStride + (i & 1) * 4;
            residual(16 + i, f.u, o, f.uvStride);
            residual(20 + i, f.v, o, f.uvStride);
        }
    }

    private void luma(int mx, int my, int ymode) {
        int base = f.yAt(16 * mx, 16 * my), s = f.yStride;
        if (ymode != B_PRED) {
            Vp8Predict.block(f.y, base, s, 16, ymode, my > 0, mx > 0);
            for (int i = 0; i < 16; i++) residual(i, f.y, base + (i >> 2) * 4 * s + (i & 3) * 4, s);
            return;
        }
        for (int i = 0; i < 16; i++) {
            int bx = i & 3, o = base + (i >> 2) * 4 * s + bx * 4;
            byte[] p = f.y;
            for (int r = 0; r < 4; r++) edge[3 - r] = p[o - 1 + r * s] & 0xFF;
            edge[4] = p[o - s - 1] & 0xFF;
            for (int c = 0; c < 4; c++) edge[5 + c] = p[o - s + c] & 0xFF;
            // §12.3: subblocks on the right use the row above the macroblock for their above-right pixels.
            int ar = bx < 3 ? o - s + 4 : base - s + 16;
            for (int c = 0; c < 4; c++) edge[9 + c] = p[ar + c] & 0xFF;
            Vp8Predict.subblock(p, o, s, bmodes[i], edge, tmp);
            residual(i, p, o, s);
        }
    }

    private void residual(int block, byte[] p, int off, int stride) {
        switch (res.kind(block)) {
            case Vp8Residuals.FULL -> Vp8Transform.idctAdd(res.coeffs, block * 16, p, off, stride, tmp);
            case Vp8Residuals.AC3 -> Vp8Transform.ac3Add(res.coeffs, block * 16, p, off, stride);
            case Vp8Residuals.DC_ONLY -> Vp8Transform.dcAdd(res.coeffs[block * 16], p, off, stride);
            default -> {} // NONE: the prediction stands
        }
    }
}
