package org.pramaan.media.image;

/**
 * What a JPEG's SOF segment (T.81 §B.2.2) says, plus the decoding state of each component: its
 * coefficients (progressive files, where every scan refines them) and its output plane at the
 * chosen reduced scale ({@code n} pixels per block side).
 */
final class JpegFrame {
    final int width, height;
    final boolean progressive;
    final Component[] components;
    final int hMax, vMax, mcusX, mcusY;
    final int n;
    /** The Adobe APP14 transform, -1 if none; with 4 components, 0 is CMYK and 2 YCCK. */
    int adobeTransform = -1;

    JpegFrame(int width, int height, boolean progressive, Component[] components, int n) {
        this.width = width;
        this.height = height;
        this.progressive = progressive;
        this.components = components;
        this.n = n;
        int h = 1, v = 1;
        for (Component c : components) {
            h = Math.max(h, c.h);
            v = Math.max(v, c.v);
        }
        hMax = h;
        vMax = v;
        mcusX = ceilDiv(width, 8 * h);
        mcusY = ceilDiv(height, 8 * v);
        for (Component c : components) c.layout(this);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Output size at the reduced scale: ⌈side · n / 8⌉. */
    int outWidth() {
        return ceilDiv(width * n, 8);
    }

    int outHeight() {
        return ceilDiv(height * n, 8);
    }

    Component byId(int id) throws JpegException {
        for (Component c : components) if (c.id == id) return c;
        throw JpegException.corrupt("scan names component " + id + ", which the frame does not have");
    }

    static final class Component {
        final int id, h, v, tq;
        /** The padded block grid of interleaved scans (T.81 §A.2.4) and the real one of single-component scans. */
        int blocksPerLine, blocksPerColumn, realBlocksX, realBlocksY;

        short[] coefs;
        byte[] plane;
        int planeStride;
        int dcPred;
        /** Per coefficient 0..5, the Al of the last progressive scan that coded it, -1 if none (libjpeg's coef_bits). */
        final int[] coefBits = {-1, -1, -1, -1, -1, -1};

        JpegHuffman dc, ac;

        Component(int id, int h, int v, int tq) {
            this.id = id;
            this.h = h;
            this.v = v;
            this.tq = tq;
        }

        void layout(JpegFrame f) {
            blocksPerLine = f.mcusX * h;
            blocksPerColumn = f.mcusY * v;
            realBlocksX = ceilDiv(ceilDiv(f.width * h, f.hMax), 8);
            realBlocksY = ceilDiv(ceilDiv(f.height * v, f.vMax), 8);
            planeStride = blocksPerLine * f.n;
            plane = new byte[planeStride * blocksPerColumn * f.n];
            if (f.progressive) coefs = new short[blocksPerLine * blocksPerColumn * 64];
        }
    }
}
