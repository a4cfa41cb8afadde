package org.pramaan.media.image;

/**
 * A decoded VP8 key frame: Y, U and V planes covering whole macroblocks, each with a one-pixel
 * border above (127) and to the left (129) and four spare columns on the right, which is exactly
 * the edge intra prediction sees outside the frame (RFC 6386 §12.2, §12.3).
 */
final class Vp8Frame {
    final int width, height, mbw, mbh;
    final int yStride, uvStride;
    final byte[] y, u, v;

    Vp8Frame(int width, int height) {
        this.width = width;
        this.height = height;
        this.mbw = (width + 15) >> 4;
        this.mbh = (height + 15) >> 4;
        this.yStride = mbw * 16 + 5;
        this.uvStride = mbw * 8 + 5;
        this.y = plane(yStride, mbh * 16);
        this.u = plane(uvStride, mbh * 8);
        this.v = plane(uvStride, mbh * 8);
    }

    private static byte[] plane(int stride, int rows) {
        byte[] p = new byte[stride * (rows + 1)];
        java.util.Arrays.fill(p, 0, stride, (byte) 127);
        for (int r = 1; r <= rows; r++) p[r * stride] = (byte) 129;
        return p;
    }

    /** Offset of luma pixel (x, y), either may be -1 for the border. */
    int yAt(int x, int yy) {
        return (yy + 1) * yStride + x + 1;
    }

    int uvAt(int x, int yy) {
        return (yy + 1) * uvStride + x + 1;
    }
}
