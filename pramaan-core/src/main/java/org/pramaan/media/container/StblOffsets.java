package org.pramaan.media.container;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.pramaan.media.MediaSource;

/**
 * Finds and shifts the absolute chunk offsets of a {@code moov} box: {@code stco} (32-bit) and
 * {@code co64} (64-bit) under {@code trak/mdia/minf/stbl} (ISO/IEC 14496-12 §8.7.5), FullBoxes with
 * {@code entry_count} then the offsets.
 */
final class StblOffsets {
    private static final List<String> CONTAINERS = List.of("moov", "trak", "mdia", "minf", "stbl", "edts", "meta");

    private StblOffsets() {}

    static void shift(byte[] file, BmffBoxes.Box moov, LongUnaryOperator relocate) throws IOException {
        for (BmffBoxes.Box b : find(file, moov, "stco")) patch(file, b, 4, relocate);
        for (BmffBoxes.Box b : find(file, moov, "co64")) patch(file, b, 8, relocate);
    }

    private static void patch(byte[] f, BmffBoxes.Box b, int width, LongUnaryOperator relocate) {
        int p = (int) b.payloadOffset() + 4;
        if (p + 4 > b.end())
            throw new IllegalArgumentException(
                    b.type() + " at offset " + b.offset() + " is too short for its entry count");
        long n = Bytes.u32be(f, p);
        if (p + 4 + n * width > b.end())
            throw new IllegalArgumentException(
                    b.type() + " at offset " + b.offset() + " declares " + n + " entries past its end");
        for (int i = 0; i < n; i++) {
            int at = p + 4 + i * width;
            long v = relocate.applyAsLong(width == 4 ? Bytes.u32be(f, at) : Bytes.u64be(f, at));
            if (width == 4 && v > 0xFFFF_FFFFL)
                throw new IllegalArgumentException("a shifted stco offset exceeds 32 bits; the file needs co64");
            for (int k = 0; k < width; k++) f[at + k] = (byte) (v >>> (8 * (width - 1 - k)));
        }
    }

    /** Boxes of {@code type} anywhere below {@code root} through the usual containers (meta is a FullBox). */
    static List<BmffBoxes.Box> find(byte[] file, BmffBoxes.Box root, String type) throws IOException {
        List<BmffBoxes.Box> out = new ArrayList<>();
        walk(MediaSource.of(file), root, type, out, 0);
        return out;
    }

    private static void walk(MediaSource src, BmffBoxes.Box parent, String type, List<BmffBoxes.Box> out, int depth)
            throws IOException {
        if (depth > 8) return;
        long from = parent.payloadOffset() + (parent.type().equals("meta") ? 4 : 0);
        List<BmffBoxes.Box> kids;
        try {
            kids = BmffBoxes.children(src, from, parent.end());
        } catch (BmffBoxes.BoxException e) {
            throw new IllegalArgumentException("invalid box structure inside '" + parent.type() + "' at offset "
                    + parent.offset() + ": " + e.getMessage());
        }
        for (BmffBoxes.Box k : kids) {
            if (k.type().equals(type)) out.add(k);
            else if (CONTAINERS.contains(k.type())) walk(src, k, type, out, depth + 1);
        }
    }
}
