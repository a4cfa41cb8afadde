package org.pramaan.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.BmffBoxWriter;
import org.pramaan.media.container.BmffBoxes;

/**
 * Labels in an MP4/MOV/M4A: XMP in the top-level {@code uuid} box BE7ACFCB-97A9-42E8-9C71-999491E3AFAC
 * (XMP Specification Part 3 §1.2.7.1). Why XMP and not a {@code moov/udta/meta} key: one packet
 * carries both the IPTC digital source type and the {@code TC260:AIGC} property, in the same form as
 * JPEG/PNG, and adding a top-level box leaves {@code moov} untouched (its {@code stco}/{@code co64}
 * offsets are re-pointed by {@link BmffBoxWriter}). An {@code AIGC} key in udta/meta is still read.
 */
public final class BmffLabelWriter {
    static final byte[] XMP_UUID = HexFormat.of().parseHex(MetadataBlocks.XMP_UUID);

    private BmffLabelWriter() {}

    public static byte[] write(byte[] file, Optional<String> dst, Optional<String> aigcJson) throws IOException {
        Optional<byte[]> old = Optional.empty();
        for (BmffBoxes.Box b : boxes(file)) {
            if (isXmp(file, b) && b.payloadLength() <= MetadataBlocks.MAX_BLOCK) {
                old = Optional.of(java.util.Arrays.copyOfRange(file, (int) b.payloadOffset(), (int) b.end()));
                break;
            }
        }
        byte[] packet = XmpEdit.apply(old, dst, aigcJson).getBytes(StandardCharsets.UTF_8);
        return BmffBoxWriter.replaceTopLevel(file, b -> isXmp(file, b), BmffBoxWriter.uuidBox(XMP_UUID, packet))
                .bytes();
    }

    private static boolean isXmp(byte[] file, BmffBoxes.Box b) {
        return b.type().equals("uuid")
                && java.util.Arrays.equals(
                        file, (int) b.payloadOffset() - 16, (int) b.payloadOffset(), XMP_UUID, 0, 16);
    }

    private static java.util.List<BmffBoxes.Box> boxes(byte[] file) throws IOException {
        try {
            return BmffBoxes.children(MediaSource.of(file), 0, file.length);
        } catch (BmffBoxes.BoxException e) {
            throw new IllegalArgumentException("not a well-formed MP4: " + e.getMessage());
        }
    }
}
