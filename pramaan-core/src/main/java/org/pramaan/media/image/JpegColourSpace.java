package org.pramaan.media.image;

import java.util.List;
import org.pramaan.media.image.JpegFrame.Component;

/**
 * What a full-size decode must refuse so that it never disagrees with ImageIO (JDK libjpeg 6b)
 * about what the pixels are. Colour space: libjpeg takes 3 components as YCbCr when a JFIF APP0 is
 * present, when an Adobe APP14 says transform 1, or, with neither, when the component ids are 1, 2,
 * 3; the JDK then calls a file with an Adobe transform other than 1 unknown, and one with neither
 * marker, other ids and all sampling factors equal RGB (unless it is EXIF; refused here all the
 * same, which only costs an ImageIO decode). Progressive files: libjpeg block-smooths the last
 * output pass (jdcoefct.c) unless every component has coefficients 0..5 complete (last Al 0), so
 * anything else is refused too. Four components, at any scale, only with an Adobe marker saying
 * CMYK (0) or YCCK (2), which {@link JpegCmyk} converts.
 */
final class JpegColourSpace {
    private JpegColourSpace() {}

    /** At the first scan, when every marker libjpeg reads for the colour space has been seen. */
    static void check(JpegFrame f, boolean jfif, int adobeTransform) throws JpegException {
        f.adobeTransform = adobeTransform;
        if (f.components.length == 4) {
            // Adobe's inverted CMYK or YCCK, as every 4-component JPEG in practice: without the marker, what the
            // samples mean is a guess.
            if (adobeTransform != 0 && adobeTransform != 2)
                throw JpegException.unsupported(
                        "4 components with Adobe transform " + adobeTransform + " (only CMYK 0 and YCCK 2)");
            return;
        }
        if (f.n == 8) requireLibjpegYcbcr(f, jfif, adobeTransform);
    }

    private static void requireLibjpegYcbcr(JpegFrame f, boolean jfif, int adobeTransform) throws JpegException {
        Component[] c = f.components;
        if (c.length != 3) return; // grey: no colour conversion
        if (adobeTransform >= 0) {
            if (adobeTransform != 1)
                throw JpegException.unsupported(
                        "3 components with Adobe transform " + adobeTransform + " (ImageIO: RGB or unknown)");
            return;
        }
        if (jfif || (c[0].id == 1 && c[1].id == 2 && c[2].id == 3)) return;
        boolean sameSampling = c[1].h == c[0].h && c[2].h == c[0].h && c[1].v == c[0].v && c[2].v == c[0].v;
        if (sameSampling)
            throw JpegException.unsupported("3 components, no JFIF or Adobe marker, ids " + c[0].id + "," + c[1].id
                    + "," + c[2].id + ", no subsampling (ImageIO guesses RGB)");
    }

    /** Records, as libjpeg's coef_bits does, the Al each of coefficients 0..5 was last coded with. */
    static void noteBands(List<Component> comps, int[] spectral) {
        for (Component c : comps)
            for (int k = spectral[0]; k <= Math.min(spectral[1], 5); k++) c.coefBits[k] = spectral[3];
    }

    static void requireComplete(JpegFrame f) throws JpegException {
        for (Component c : f.components) {
            for (int k = 0; k < 6; k++) {
                if (c.coefBits[k] != 0)
                    throw JpegException.unsupported("progressive coefficient " + k + " of component " + c.id
                            + " left at Al " + c.coefBits[k] + " (libjpeg would block-smooth)");
            }
        }
    }
}
