package org.pramaan.media.image;

import java.util.List;
import org.pramaan.media.image.JpegFrame.Component;

/** The SOS header checks of T.81 §B.2.3 and §G.1.1.1.1 that keep the scan decoder inside its arrays. */
final class JpegScanCheck {
    private JpegScanCheck() {}

    static void check(JpegFrame f, List<Component> comps, int[] spectral, int[][] quant) throws JpegException {
        int ss = spectral[0], se = spectral[1], ah = spectral[2], al = spectral[3];
        int blocks = 0;
        for (Component c : comps) blocks += c.h * c.v;
        // Each component at most once (§B.2.3): libjpeg keeps a DC predictor per scan slot, we keep one per component.
        for (int i = 0; i < comps.size(); i++)
            for (int j = i + 1; j < comps.size(); j++)
                if (comps.get(i) == comps.get(j))
                    throw JpegException.corrupt("scan names component " + comps.get(i).id + " twice");
        if (comps.size() > 1 && blocks > 10)
            throw JpegException.corrupt("an interleaved scan's MCU has " + blocks + " blocks (at most 10)");
        if (!f.progressive) {
            for (Component c : comps) {
                if (c.dc == null || c.ac == null)
                    throw JpegException.corrupt("scan uses a Huffman table never defined (component " + c.id + ")");
                if (quant[c.tq] == null)
                    throw JpegException.corrupt(
                            "component " + c.id + " uses quantisation table " + c.tq + ", never defined");
            }
            return; // sequential files: Ss, Se, Ah, Al are fixed by the format and ignored (as libjpeg does)
        }
        if (ss > se || se > 63 || (ss == 0) != (se == 0) || ah > 13 || al > 13)
            throw JpegException.corrupt("progressive scan with band " + ss + ".." + se + ", bits " + ah + "/" + al);
        if (ss > 0 && comps.size() != 1)
            throw JpegException.corrupt("progressive AC scan over " + comps.size() + " components");
        for (Component c : comps) {
            boolean missing = ss == 0 ? ah == 0 && c.dc == null : c.ac == null;
            if (missing)
                throw JpegException.corrupt("scan uses a Huffman table never defined (component " + c.id + ")");
        }
    }

    /**
     * False for progressive AC scans at 1/8 scale, where only DC is used. Not finer than that: a
     * refinement scan's bits depend on which coefficients earlier scans of its band made non-zero,
     * so a band may be skipped only if every scan touching it is, and later scans are not known yet.
     */
    static boolean needed(JpegFrame f, int[] spectral) {
        return !f.progressive || spectral[0] == 0 || f.n > 1;
    }
}
