package org.pramaan.hash;

/**
 * The 8 symmetries of a rectangle, named as the PDQ reference tools print them. Each maps the
 * original's 16×16 DCT (row index i = vertical frequency i+1, column j = horizontal frequency j+1)
 * to the DCT of the transformed image: a flip negates the odd frequencies along its axis (even
 * indexes), a transpose swaps the axes.
 */
public enum Dihedral {
    ORIG,
    ROT90,
    ROT180,
    ROT270,
    FLIPX,
    FLIPY,
    FLIPP,
    FLIPM;

    float[][] apply(float[][] a) {
        float[][] b = new float[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float v = a[i][j];
                switch (this) {
                    case ORIG -> b[i][j] = v;
                    case ROT90 -> b[j][i] = (j & 1) != 0 ? v : -v;
                    case ROT180 -> b[i][j] = ((i + j) & 1) != 0 ? -v : v;
                    case ROT270 -> b[j][i] = (i & 1) != 0 ? v : -v;
                    case FLIPX -> b[i][j] = (i & 1) != 0 ? v : -v;
                    case FLIPY -> b[i][j] = (j & 1) != 0 ? v : -v;
                    case FLIPP -> b[j][i] = v;
                    case FLIPM -> b[j][i] = ((i + j) & 1) != 0 ? -v : v;
                }
            }
        }
        return b;
    }

    public String referenceName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
