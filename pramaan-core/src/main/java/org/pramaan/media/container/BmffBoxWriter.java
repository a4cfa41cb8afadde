package org.pramaan.media.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.pramaan.media.MediaSource;

/**
 * Rewrites the top level of an ISO BMFF file (MP4, MOV): drops the boxes a predicate selects and inserts
 * one box right after {@code ftyp} (ISO/IEC 14496-12 §4.3: ftyp comes first; C2PA 2.2 §A.5 writers
 * put the C2PA {@code uuid} box right behind it, as the reference SDK does). Media bytes that move are
 * re-pointed: every {@code stco}/{@code co64} chunk offset (§8.7.5) is shifted. Layouts whose absolute
 * offsets live elsewhere are refused with a clear error: fragmented files ({@code moof}) and
 * item-based files ({@code meta/iloc}, HEIF/AVIF).
 */
public final class BmffBoxWriter {
    private BmffBoxWriter() {}

    /** Where a kept top-level box was and where it goes. */
    private record Move(long oldStart, long oldEnd, long newStart) {}

    public static Spliced replaceTopLevel(byte[] file, Predicate<BmffBoxes.Box> drop, byte[] box) throws IOException {
        List<BmffBoxes.Box> top = top(file);
        for (BmffBoxes.Box b : top) {
            if (b.type().equals("moof"))
                throw new IllegalArgumentException(
                        "fragmented BMFF (moof) is not rewritten: its offsets are not re-pointed");
            if (b.type().equals("meta") && !StblOffsets.find(file, b, "iloc").isEmpty()) {
                throw new IllegalArgumentException(
                        "item-based BMFF (meta/iloc, HEIF/AVIF) is not rewritten: iloc offsets are not re-pointed");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + box.length);
        List<Move> moves = new ArrayList<>();
        long start = -1;
        boolean first = true;
        for (BmffBoxes.Box b : top) {
            if (first && !b.type().equals("ftyp")) start = insert(out, box);
            if (!drop.test(b) || b.type().equals("ftyp")) {
                moves.add(new Move(b.offset(), b.end(), out.size()));
                out.write(file, (int) b.offset(), (int) (b.end() - b.offset()));
            }
            if (first && b.type().equals("ftyp")) start = insert(out, box);
            first = false;
        }
        if (start < 0) start = insert(out, box);
        byte[] result = out.toByteArray();
        for (BmffBoxes.Box b : top(result)) {
            if (b.type().equals("moov")) StblOffsets.shift(result, b, old -> relocate(moves, old));
        }
        return new Spliced(result, start, box.length);
    }

    /** {@code size type payload}; 64-bit size when the box exceeds 4 GiB (§4.2). */
    public static byte[] box(String type, byte[] payload) {
        if (type.length() != 4) throw new IllegalArgumentException("'" + type + "' is not a four-character box type");
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 8);
        PngChunkWriter.writeU32(out, payload.length + 8L);
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** {@code size 'uuid' usertype(16) payload} (§4.2, §11.1 extended type). */
    public static byte[] uuidBox(byte[] usertype, byte[] payload) {
        if (usertype.length != 16)
            throw new IllegalArgumentException("a uuid box's usertype is 16 bytes, got " + usertype.length);
        byte[] p = new byte[16 + payload.length];
        System.arraycopy(usertype, 0, p, 0, 16);
        System.arraycopy(payload, 0, p, 16, payload.length);
        return box("uuid", p);
    }

    private static long insert(ByteArrayOutputStream out, byte[] box) {
        long at = out.size();
        out.writeBytes(box);
        return at;
    }

    private static long relocate(List<Move> moves, long old) {
        for (Move m : moves) if (old >= m.oldStart() && old < m.oldEnd()) return m.newStart() + (old - m.oldStart());
        throw new IllegalArgumentException("a chunk offset (" + old + ") points outside every kept top-level box");
    }

    static List<BmffBoxes.Box> top(byte[] file) throws IOException {
        try {
            return BmffBoxes.children(MediaSource.of(file), 0, file.length);
        } catch (BmffBoxes.BoxException e) {
            throw new IllegalArgumentException("invalid BMFF structure: " + e.getMessage());
        }
    }
}
