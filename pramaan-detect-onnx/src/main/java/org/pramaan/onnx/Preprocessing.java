package org.pramaan.onnx;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.pramaan.detect.ModelManifest;

/**
 * Pixels to the model's input tensor, exactly as the manifest's input spec says: resize (bilinear)
 * to width×height, each channel to 0..1, {@code (v - mean[c]) / std[c]} in the model's channel
 * order, laid out NCHW or NHWC. A model is only as good as this matching its training.
 */
final class Preprocessing {
    private Preprocessing() {}

    static long[] shape(ModelManifest.InputSpec in) {
        return in.layout() == ModelManifest.Layout.NCHW
                ? new long[] {1, 3, in.height(), in.width()}
                : new long[] {1, in.height(), in.width(), 3};
    }

    static float[] tensor(BufferedImage image, ModelManifest.InputSpec in) {
        int w = in.width();
        int h = in.height();
        BufferedImage sized = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sized.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        int[] rgb = sized.getRGB(0, 0, w, h, null, 0, w);
        float[] mean = new float[3];
        float[] invStd = new float[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = in.mean().get(c).floatValue();
            invStd[c] = (float) (1.0 / in.std().get(c));
        }
        boolean bgr = in.channels() == ModelManifest.ChannelOrder.BGR;
        boolean nchw = in.layout() == ModelManifest.Layout.NCHW;
        int plane = w * h;
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            float r = ((p >> 16) & 0xff) / 255f;
            float gr = ((p >> 8) & 0xff) / 255f;
            float b = (p & 0xff) / 255f;
            float c0 = bgr ? b : r;
            float c2 = bgr ? r : b;
            float v0 = (c0 - mean[0]) * invStd[0];
            float v1 = (gr - mean[1]) * invStd[1];
            float v2 = (c2 - mean[2]) * invStd[2];
            if (nchw) {
                out[i] = v0;
                out[plane + i] = v1;
                out[2 * plane + i] = v2;
            } else {
                out[3 * i] = v0;
                out[3 * i + 1] = v1;
                out[3 * i + 2] = v2;
            }
        }
        return out;
    }
}
