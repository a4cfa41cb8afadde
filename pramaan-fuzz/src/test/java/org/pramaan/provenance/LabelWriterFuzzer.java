package org.pramaan.provenance;

import java.util.Optional;
import org.pramaan.fuzz.Contract;
import org.pramaan.labels.MetadataWriter;

/**
 * Label writing and propagation on untrusted uploads, which drives every container writer
 * (JPEG segments, PNG chunks, RIFF chunks, ID3v2 tags, BMFF boxes with chunk-offset fix-ups) and
 * the XMP editor: new bytes that read back with the label, or an IllegalArgumentException naming
 * the problem. The first byte picks write or propagate.
 */
public final class LabelWriterFuzzer {
    private static final Aigc LABEL = new Aigc("1", "fuzz-gen", "id-1", "", "", "", "");
    private static final String AI = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    private LabelWriterFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        if (data.length == 0) return;
        byte[] file = java.util.Arrays.copyOfRange(data, 1, data.length);
        byte[] out;
        try {
            out = (data[0] & 1) == 0
                    ? MetadataWriter.write(file, Optional.of(AI), Optional.of(LABEL))
                    : MetadataWriter.propagate(file, "plat", "p-1", "", "3");
        } catch (IllegalArgumentException e) {
            Contract.refused(e);
            return;
        }
        Contract.check(out != null && out.length > 0, "empty output");
    }

    /** A seed: the selector byte, then the file. */
    public static byte[] seed(boolean propagate, byte[] file) {
        byte[] out = new byte[file.length + 1];
        out[0] = (byte) (propagate ? 1 : 0);
        System.arraycopy(file, 0, out, 1, file.length);
        return out;
    }
}
