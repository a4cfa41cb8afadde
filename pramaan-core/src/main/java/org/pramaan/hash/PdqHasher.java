package org.pramaan.hash;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * PDQ perceptual hash (Meta, "The TMK+PDQF Video-Hashing Algorithm and the PDQ Image Similarity
 * Algorithm", and the reference implementation's documentation): luminance → two-pass Jarosz box
 * filter → 64×64 decimation → 16×16 DCT → median threshold.
 *
 * <p>Matches the C++ reference's pipeline, including its 512×512 nearest-neighbour squash of images
 * with a side over 512 px (the reference does it because its filter is slow on large images; we do
 * it so hashes agree with the reference). All arithmetic is in 32-bit float in the reference's
 * order, so identical pixels give identical hashes. EXIF orientation is not applied: neither
 * reference applies it, and hash banks hold hashes of stored pixel order.
 */
public final class PdqHasher {
    static final int SIZE = 64;
    private static final int MAX_SIDE = 512;
    private static final int MIN_SIDE = 5;
    private static final float[][] DCT = dctMatrix();

    public PdqResult hash(BufferedImage image) {
        return result(spectrum(Luma.of(image), NO_SCRATCH, image.getWidth(), image.getHeight(), true, true, false));
    }

    /**
     * Hashes a luminance plane with PDQ.
     *
     * @param luma row-major luminance 0..255, {@code width × height} values (not modified)
     */
    public PdqResult hashLuma(float[] luma, int width, int height) {
        return result(spectrum(luma, NO_SCRATCH, width, height, true, false, false));
    }

    /**
     * PDQ at the frame's own size, without the 512×512 squash: vPDQ's frame hasher feeds the
     * decoded frame straight to the PDQ core (vpdq/cpp hashing, see testdata/vpdq/README.md).
     */
    PdqResult hashLumaUnsquashed(float[] luma, int width, int height) {
        return result(spectrum(luma, NO_SCRATCH, width, height, false, false, false));
    }

    /**
     * {@link #hashLumaUnsquashed} on a plane the caller gives up (the filter works in it) with a
     * scratch plane of the same size to reuse, so a video's frames allocate nothing per frame.
     */
    PdqResult hashOwnedLumaUnsquashed(float[] luma, float[] scratch, int width, int height) {
        return result(spectrum(luma, scratch, width, height, false, true, false));
    }

    private static final float[] NO_SCRATCH = new float[0];

    private static PdqResult result(Spectrum s) {
        return new PdqResult(s.dct() == null ? Hash256.of(0, 0, 0, 0) : threshold(s.dct()), s.quality());
    }

    /**
     * The hashes of the image's 8 rotations and flips, computed from the one DCT by sign changes
     * and transposition (PDQ's dihedral trick: no re-hashing). They are close to, but not always
     * equal to, the hash of a really rotated file.
     */
    public DihedralHashes dihedral(BufferedImage image) {
        Spectrum s = spectrum(Luma.of(image), NO_SCRATCH, image.getWidth(), image.getHeight(), true, true, true);
        java.util.Map<Dihedral, Hash256> out = new java.util.EnumMap<>(Dihedral.class);
        for (Dihedral d : Dihedral.values())
            out.put(d, s.dct() == null ? Hash256.of(0, 0, 0, 0) : threshold(d.apply(s.dct())));
        return new DihedralHashes(out, s.quality());
    }

    private record Spectrum(float[][] dct, int quality) {}

    /**
     * @param owned whether {@code luma} is this hasher's own, so the filter may work in it instead of a copy
     * @param dihedral the reference's dihedral entry point, which blurs a 64×64 image too
     */
    private Spectrum spectrum(
            float[] luma,
            float[] scratch,
            int width,
            int height,
            boolean squashLarge,
            boolean owned,
            boolean dihedral) {
        if (luma.length != width * height)
            throw new IllegalArgumentException("luma has " + luma.length + " values, expected " + width + "x" + height);
        if (width < MIN_SIDE || height < MIN_SIDE) return new Spectrum(null, 0);
        if (squashLarge && (width > MAX_SIDE || height > MAX_SIDE)) {
            luma = squash(luma, width, height);
            width = MAX_SIDE;
            height = MAX_SIDE;
            owned = true;
        }
        if (width == SIZE && height == SIZE && !dihedral) {
            // The reference's plain hash (pdqFloat256FromFloatLuma, also vPDQ's) takes a 64×64 image as
            // the downsample itself, unblurred; its dihedral one blurs it. A window-1 blur is no copy
            // in float: its running sum (s + x[i+1]) - x[i] rounds.
            float[][] small = new float[SIZE][SIZE];
            for (int i = 0; i < SIZE; i++) System.arraycopy(luma, i * SIZE, small[i], 0, SIZE);
            return new Spectrum(dct16(small), quality(small));
        }
        float[] a = owned ? luma : luma.clone();
        float[] tmp = scratch.length == a.length ? scratch : new float[a.length];
        int windowAlongRows = JaroszBoxFilter.windowSize(width);
        int windowAlongCols = JaroszBoxFilter.windowSize(height);
        JaroszBoxFilter.rows(a, tmp, width, height, windowAlongRows);
        JaroszBoxFilter.columns(tmp, a, width, height, windowAlongCols);
        int[] sampledCols = samples(width);
        // The second passes only where the decimation samples: rows stored at the 64 sampled
        // columns, then columns at the 64×64 values themselves.
        JaroszRowsSampled.rowsAt(a, tmp, width, height, windowAlongRows, sampledCols);
        float[][] small =
                JaroszBoxFilter.columnsSampled(tmp, width, height, windowAlongCols, samples(height), sampledCols);
        return new Spectrum(dct16(small), quality(small));
    }

    /** The C++ reference's resize to exactly 512×512: pixel (x, y) ← (⌊x·W/512⌋, ⌊y·H/512⌋). */
    static float[] squash(float[] luma, int w, int h) {
        float[] out = new float[MAX_SIDE * MAX_SIDE];
        for (int y = 0; y < MAX_SIDE; y++) {
            int sy = (int) ((long) y * h / MAX_SIDE);
            for (int x = 0; x < MAX_SIDE; x++) out[y * MAX_SIDE + x] = luma[sy * w + (int) ((long) x * w / MAX_SIDE)];
        }
        return out;
    }

    /** The positions PDQ's decimation samples along a side of {@code n}: ⌊(i + ½)·n / 64⌋, i = 0..63. */
    static int[] samples(int n) {
        int[] s = new int[SIZE];
        for (int i = 0; i < SIZE; i++) s[i] = (int) (((i + 0.5) * n) / SIZE);
        return s;
    }

    /** Sum of absolute neighbour differences scaled to 0..100 per step, /90, capped at 100. */
    static int quality(float[][] b) {
        int sum = 0;
        for (int i = 0; i < SIZE - 1; i++)
            for (int j = 0; j < SIZE; j++) sum += Math.abs((int) (((b[i][j] - b[i + 1][j]) * 100) / 255));
        for (int i = 0; i < SIZE; i++)
            for (int j = 0; j < SIZE - 1; j++) sum += Math.abs((int) (((b[i][j] - b[i][j + 1]) * 100) / 255));
        return Math.min(100, sum / 90);
    }

    static float[][] dct16(float[][] a) {
        float[][] t = new float[16][SIZE];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < SIZE; j++) {
                float s = 0;
                for (int k = 0; k < SIZE; k++) s += DCT[i][k] * a[k][j];
                t[i][j] = s;
            }
        }
        float[][] b = new float[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float s = 0;
                for (int k = 0; k < SIZE; k++) s += t[i][k] * DCT[j][k];
                b[i][j] = s;
            }
        }
        return b;
    }

    /** Bit i·16+j is set when B[i][j] exceeds the median (the reference's Torben median: the 128th smallest). */
    static Hash256 threshold(float[][] b) {
        float[] all = new float[256];
        for (int i = 0; i < 16; i++) System.arraycopy(b[i], 0, all, i * 16, 16);
        float[] sorted = all.clone();
        java.util.Arrays.sort(sorted);
        float median = sorted[127];
        boolean[] bits = new boolean[256];
        for (int k = 0; k < 256; k++) bits[k] = all[k] > median;
        return Hash256.fromBits(bits);
    }

    private static float[][] dctMatrix() {
        float[][] d = new float[16][SIZE];
        // The scale is rounded to float first, as both references do (C++ pdqhashing.cpp dct_matrix_64
        // `const float matrix_scale_factor`; Java PDQHasher.DCT_MATRIX_SCALE_FACTOR): the double moves
        // some entries by an ulp, enough to flip median ties of small images (PdqTinyImagesTest).
        double scale = (float) Math.sqrt(2.0 / SIZE);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < SIZE; j++)
                d[i][j] = (float) (scale * Math.cos((Math.PI / 2 / SIZE) * (i + 1) * (2 * j + 1)));
        }
        return d;
    }

    /**
     * Luminance extraction that agrees with the reference decoders. A colour image whose every pixel
     * has R = G = B is read as grey: ImageMagick, the C++ reference's decoder, writes such an image
     * as a PGM (its PNM writer picks P5 for grey content, P4 for black and white), so the reference
     * takes the grey value as the luma where 0.299·g + 0.587·g + 0.114·g in float is off by an ulp
     * for 35 of the 256 levels (testdata/pdq/README.md, step 1; PdqTinyImagesTest's grey palettes).
     * A squashed image is judged on the pixels the squash kept; ImageMagick judges all of them.
     */
    static final class Luma {
        private Luma() {}

        static float[] of(BufferedImage img) {
            int w = img.getWidth(), h = img.getHeight();
            float[] out = new float[w * h];
            Raster r = img.getRaster();
            if (r.getNumBands() <= 2 && img.getColorModel().getNumColorComponents() == 1) {
                // Grey (with or without alpha): the grey value is the luma. getRGB would pass it
                // through a linear-to-sRGB curve and brighten it (the Java reference's known flaw).
                if (img.getType() == BufferedImage.TYPE_BYTE_GRAY
                        && r.getDataBuffer() instanceof java.awt.image.DataBufferByte b
                        && b.getData().length == w * h) {
                    byte[] px = b.getData();
                    for (int i = 0; i < w * h; i++) out[i] = px[i] & 0xFF;
                    return out;
                }
                int bits = r.getSampleModel().getSampleSize(0);
                float scale = bits == 16 ? 1f / 257f : bits == 1 ? 255f : bits < 8 ? 255f / ((1 << bits) - 1) : 1f;
                for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out[y * w + x] = r.getSample(x, y, 0) * scale;
                return out;
            }
            if ((img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_INT_ARGB)
                    && r.getDataBuffer() instanceof java.awt.image.DataBufferInt b
                    && b.getData().length == w * h) {
                // The pixels as stored (no colour-model call per pixel); alpha is ignored, as by the reference.
                int[] px = b.getData();
                int grey = 0;
                for (int i = 0; i < w * h; i++) {
                    out[i] = luma(px[i]);
                    grey |= notGrey(px[i]);
                }
                if (grey == 0) for (int i = 0; i < w * h; i++) out[i] = px[i] & 0xFF;
                return out;
            }
            int t = img.getType();
            if ((t == BufferedImage.TYPE_3BYTE_BGR || t == BufferedImage.TYPE_4BYTE_ABGR)
                    && r.getDataBuffer() instanceof java.awt.image.DataBufferByte b
                    && b.getData().length == w * h * (t == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4)) {
                // Interleaved (A)BGR bytes, as ImageIO returns most JPEGs and PNGs: B, G, R are the last three of each
                // pixel.
                byte[] px = b.getData();
                int step = t == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4, o = step - 3, grey = 0;
                for (int i = 0; i < w * h; i++, o += step) {
                    out[i] = 0.299f * (px[o + 2] & 0xFF) + 0.587f * (px[o + 1] & 0xFF) + 0.114f * (px[o] & 0xFF);
                    grey |= (px[o + 2] ^ px[o + 1]) | (px[o + 1] ^ px[o]);
                }
                o = step - 3;
                if (grey == 0) for (int i = 0; i < w * h; i++, o += step) out[i] = px[o] & 0xFF;
                return out;
            }
            int[] row = new int[w];
            int grey = 0;
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = luma(row[x]);
                    grey |= notGrey(row[x]);
                }
            }
            if (grey == 0) {
                for (int y = 0; y < h; y++) {
                    img.getRGB(0, y, w, 1, row, 0, w);
                    for (int x = 0; x < w; x++) out[y * w + x] = row[x] & 0xFF;
                }
            }
            return out;
        }

        private static float luma(int p) {
            return 0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF);
        }

        /** 0 when R = G = B: ImageMagick then hands the reference a grey PGM, whose luma is the grey value itself. */
        private static int notGrey(int p) {
            return ((p >> 16) ^ (p >> 8) | (p >> 8) ^ p) & 0xFF;
        }
    }
}
