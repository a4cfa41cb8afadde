package org.pramaan.provenance;

import org.pramaan.fuzz.Contract;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.media.MediaRejectedException;

/**
 * Implicit labels (IPTC DigitalSourceType, GB 45438 AIGC, generator traces) read from any file:
 * a result, or the prober's refusal with a message. Covers the MP3 TXXX, WAV AIGC chunk, MP4 XMP
 * uuid and {@code meta} key readers that MetadataBlocks does not reach.
 */
public final class MetadataLabelsFuzzer {
    private MetadataLabelsFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        try {
            MetadataLabels.Found f = MetadataLabels.read(data);
            Contract.check(
                    f.digitalSourceTypes() != null && f.aigc() != null && f.generatorTraces() != null, "null lists");
        } catch (MediaRejectedException e) {
            Contract.refused(e);
        }
    }
}
