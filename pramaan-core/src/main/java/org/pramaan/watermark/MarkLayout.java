package org.pramaan.watermark;

/**
 * Where a key puts things in the tile. The mark is a tile of {@link #TILE}² pixels repeated over the
 * whole image, made of {@link #GRID}² chips of {@link #CHIP}² pixels (a chip of 4 px has its energy
 * around 1/8 cycle per pixel: mid-band, below what JPEG q50 quantises away and above the image's own
 * strong low frequencies). A keyed permutation picks {@link #SYNC} chips that carry fixed keyed
 * signs (the synchronisation template, read first to find offset and scale and to decide "marked");
 * the other chips carry the 76 coded payload bits, each bit spread over about 10 chips, each chip
 * with a keyed scrambling sign so the payload part is noise-like too.
 */
final class MarkLayout {
    static final int TILE = 128, CHIP = 4, GRID = TILE / CHIP, CHIPS = GRID * GRID, SYNC = 256;
    /** The chip's shape along each axis: a half sine, so a chip has no hard edges (less visible, less high-frequency energy for JPEG to remove). */
    static final float[] BUMP = {0.3827f, 0.9239f, 0.9239f, 0.3827f};

    final int[] syncChip = new int[SYNC];
    final float[] syncSign = new float[SYNC];
    final int[] payloadChip = new int[CHIPS - SYNC];
    final int[] payloadBit = new int[CHIPS - SYNC];
    final float[] payloadScramble = new float[CHIPS - SYNC];

    MarkLayout(WatermarkKey key) {
        WatermarkKey.KeyStream rnd = key.stream("pramaan-watermark-v1 layout");
        int[] perm = new int[CHIPS];
        for (int i = 0; i < CHIPS; i++) perm[i] = i;
        for (int i = CHIPS - 1; i > 0; i--) { // Fisher-Yates
            int j = rnd.nextInt(i + 1), t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (int i = 0; i < SYNC; i++) {
            syncChip[i] = perm[i];
            syncSign[i] = rnd.nextBit() ? 1f : -1f;
        }
        for (int i = 0; i < CHIPS - SYNC; i++) {
            payloadChip[i] = perm[SYNC + i];
            payloadBit[i] = i % ConvolutionalCode.CODED_BITS;
            payloadScramble[i] = rnd.nextBit() ? 1f : -1f;
        }
    }

    /** The ±1 value of every chip (row-major in the grid) for a payload. */
    float[] chipValues(int payload) {
        int[] coded = ConvolutionalCode.encode(payload);
        float[] v = new float[CHIPS];
        for (int i = 0; i < SYNC; i++) v[syncChip[i]] = syncSign[i];
        for (int i = 0; i < payloadChip.length; i++)
            v[payloadChip[i]] = payloadScramble[i] * (coded[payloadBit[i]] == 1 ? 1f : -1f);
        return v;
    }
}
