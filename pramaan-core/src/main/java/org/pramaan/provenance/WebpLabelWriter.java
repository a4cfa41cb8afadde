package org.pramaan.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.pramaan.media.container.RiffChunkWriter;
import org.pramaan.media.container.RiffChunks;
import org.pramaan.media.container.WebpExtended;

/**
 * Writes the label XMP into a WebP: an {@code XMP } chunk (XMP Specification Part 3 §1.1.7; RFC 9649
 * §2.7.1.5, the packet as is, no header) with the XMP flag set in {@code VP8X}. Metadata is allowed
 * only in the extended format (§2.7), so a simple {@code VP8 }/{@code VP8L} file is converted first by
 * adding a {@code VP8X} header with its canvas size. The chunk goes after the image data and
 * {@code EXIF} and before unknown chunks such as C2PA's (§2.7, file layout); the image chunks are
 * copied byte for byte. The existing packet is edited, so other XMP properties survive, and there is
 * always one {@code XMP } chunk. A stray RIFF {@code AIGC} chunk (the WAV carrier) is dropped when an
 * AIGC label is written, since it would contradict the label now in XMP.
 */
public final class WebpLabelWriter {
    private WebpLabelWriter() {}

    /**
     * @throws IllegalArgumentException for a WebP whose structure does not hold together
     *                                  ({@link WebpExtended#check}) or whose XMP chunk is too large to edit
     */
    public static byte[] write(byte[] webp, Optional<String> dst, Optional<String> aigc) throws IOException {
        RiffChunks.Result r = WebpExtended.check(webp);
        Optional<byte[]> old = Optional.empty();
        for (RiffChunks.Chunk c : r.chunks()) {
            if (!c.id().equals("XMP ")) continue;
            if (c.length() > MetadataBlocks.MAX_BLOCK) {
                throw new IllegalArgumentException("the WebP's XMP chunk at offset " + (c.dataOffset() - 8) + " is "
                        + c.length() + " bytes; at most " + MetadataBlocks.MAX_BLOCK + " are edited");
            }
            old = Optional.of(Arrays.copyOfRange(webp, (int) c.dataOffset(), (int) (c.dataOffset() + c.length())));
            break;
        }
        byte[] packet = XmpEdit.apply(old, dst, aigc).getBytes(StandardCharsets.UTF_8);
        byte[] extended = WebpExtended.ensure(webp, WebpExtended.XMP);
        return RiffChunkWriter.replaceBefore(
                        extended,
                        c -> c.id().equals("XMP ") || (aigc.isPresent() && c.id().equals("AIGC")),
                        c -> !WebpExtended.KNOWN.contains(c.id()),
                        "XMP ",
                        packet)
                .bytes();
    }
}
