package org.pramaan.provenance;

import java.util.Optional;
import org.pramaan.fuzz.Contract;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaSource;
import org.pramaan.media.MediaType;

/**
 * Metadata carriers (XMP, EXIF, PNG text, C2PA locations) for each container type: the first byte
 * names the type the prober would have given, the rest is the file. Never an exception.
 */
public final class MetadataBlocksFuzzer {
    private static final MediaType[] TYPES = MediaType.values();

    private MetadataBlocksFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        if (data.length == 0) return;
        MediaType type = TYPES[(data[0] & 0xFF) % TYPES.length];
        byte[] file = java.util.Arrays.copyOfRange(data, 1, data.length);
        MetadataBlocks m = MetadataBlocks.find(
                MediaSource.of(file), new MediaInfo(type, file.length, Optional.empty(), Optional.empty()));
        for (MetadataBlocks.Block b : m.xmp)
            Contract.check(b.data().length <= MetadataBlocks.MAX_BLOCK + 12, "XMP block over the cap");
        for (MetadataBlocks.Block b : m.xmp) XmpReader.read(b.data());
        for (MetadataBlocks.Block b : m.exif) TiffTags.text(b.data());
    }

    /** A seed for {@code type}: its selector byte, then the file. */
    public static byte[] seed(MediaType type, byte[] file) {
        byte[] out = new byte[file.length + 1];
        out[0] = (byte) type.ordinal();
        System.arraycopy(file, 0, out, 1, file.length);
        return out;
    }
}
