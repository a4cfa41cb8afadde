package org.pramaan.media.container;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.media.MediaSource;

/**
 * ISO base media file format boxes (ISO/IEC 14496-12 §4.2): {@code size type [largesize] [usertype]}.
 * Size 1 means a 64-bit size follows; size 0 means the box runs to the end of its parent.
 */
public final class BmffBoxes {
    public static final int MAX_BOXES_PER_LEVEL = 10_000;

    /** One box: its type, where it starts, where its payload starts and where it ends. */
    public record Box(String type, long offset, long payloadOffset, long end) {
        public long payloadLength() {
            return end - payloadOffset;
        }
    }

    /** Thrown for a box that cannot be real; {@code truncated} when it runs past the end of the data. */
    public static final class BoxException extends Exception {
        public final boolean truncated;

        BoxException(String message, boolean truncated) {
            super(message);
            this.truncated = truncated;
        }
    }

    private BmffBoxes() {}

    /** The boxes between {@code start} and {@code end} (one level, not recursive). */
    public static List<Box> children(MediaSource src, long start, long end) throws IOException, BoxException {
        List<Box> out = new ArrayList<>();
        long pos = start;
        while (pos + 8 <= end) {
            if (out.size() >= MAX_BOXES_PER_LEVEL)
                throw new BoxException("more than " + MAX_BOXES_PER_LEVEL + " boxes at offset " + start, false);
            byte[] h = src.read(pos, 8);
            long size = Bytes.u32be(h, 0);
            String type = Bytes.ascii(h, 4, 4);
            long header = 8;
            if (size == 1) {
                if (pos + 16 > end)
                    throw new BoxException(
                            "box '" + type + "' at offset " + pos + " is cut inside its 64-bit size", true);
                size = Bytes.u64be(src.read(pos + 8, 8), 0);
                header = 16;
            } else if (size == 0) {
                size = end - pos;
            }
            if (type.equals("uuid")) header += 16;
            if (size < header)
                throw new BoxException(
                        "box '" + printable(type) + "' at offset " + pos + " has impossible size " + size, false);
            if (size > end - pos) {
                throw new BoxException(
                        "box '" + printable(type) + "' at offset " + pos + " declares " + size + " bytes but only "
                                + (end - pos) + " remain",
                        true);
            }
            out.add(new Box(type, pos, pos + header, pos + size));
            pos += size;
        }
        return out;
    }

    public static Optional<Box> first(List<Box> boxes, String type) {
        return boxes.stream().filter(b -> b.type().equals(type)).findFirst();
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? type : "?";
    }
}
