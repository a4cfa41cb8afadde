package org.pramaan.hash.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The main segment on disk, so a restart reads arrays instead of rebuilding tables. Layout
 * (little-endian): magic {@code PRMN-PDQ}, version, chunk count, cap, posting width, n, tabled,
 * fingerprint (48-byte header); then the hash words, ids, table offsets, postings and partner chunks (packed
 * four to a long since version 3; postings for the even tables only, and buckets ordered by
 * partner, since version 4) exactly as held in memory; then the CRC-32C of everything before it and the end magic {@code PDQ-END.}.
 * The file's length must equal what the header implies, so truncation is caught before reading.
 * Written to a temporary file and moved into place, so a crash never leaves a half-written snapshot.
 */
public final class SnapshotFile {
    public static final int VERSION = 4;
    static final byte[] MAGIC = "PRMN-PDQ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] END = "PDQ-END.".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 48;
    private static final int BUFFER = 8 << 20;

    /** What the header says; enough to decide whether the snapshot matches the repository. */
    public record Header(int version, long entries, long tabled, int cap, int width, long fingerprint) {}

    private SnapshotFile() {}

    static long expectedSize(long n, long tabled, int width) {
        long partnerLongs = (tabled + 3) >>> 2; // four 2-byte partner chunks to a long (PairFilter)
        return HEADER
                + n * 40
                + (long) Packed.CHUNKS * (Packed.BUCKETS + 1) * 4
                + (Packed.CHUNKS / 2 - 1) * tabled * width
                + (Packed.CHUNKS - 1) * partnerLongs * 8
                + 16;
    }

    public static void write(Path file, MainSegment m) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            SnapshotIo.Out out =
                    new SnapshotIo.Out(ch, ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN));
            ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            h.put(MAGIC)
                    .putInt(VERSION)
                    .putInt(Packed.CHUNKS)
                    .putInt(m.cap)
                    .putInt(m.width)
                    .putLong(m.n)
                    .putLong(m.tabled)
                    .putLong(m.fingerprint());
            out.bytes(h.array());
            out.longs(m.words, m.n * 4);
            out.longs(m.ids, m.n);
            for (int[] o : m.offsets) out.ints(o, o.length);
            for (byte[] p : m.postings) out.bytes(p, p.length - 1);
            for (long[] p : m.partners) out.longs(p, p.length);
            out.trailer(END);
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Header header(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return header(file, ch);
        }
    }

    private static Header header(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < HEADER)
            throw new SnapshotException(file, "is " + size + " bytes, shorter than its " + HEADER + "-byte header");
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        while (h.hasRemaining())
            if (ch.read(h, h.position()) < 0) throw new SnapshotException(file, "ended inside its header");
        h.flip();
        byte[] magic = new byte[8];
        h.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC))
            throw new SnapshotException(file, "is not a PDQ index snapshot (bad magic)");
        int version = h.getInt();
        if (version != VERSION)
            throw new SnapshotException(
                    file, "has format version " + version + "; this build reads version " + VERSION);
        int chunks = h.getInt();
        int cap = h.getInt();
        int width = h.getInt();
        long n = h.getLong(), tabled = h.getLong(), fingerprint = h.getLong();
        if (chunks != Packed.CHUNKS)
            throw new SnapshotException(file, "has " + chunks + " chunks; this build uses " + Packed.CHUNKS);
        if (n < 0
                || n > Integer.MAX_VALUE / 4
                || tabled < 0
                || tabled > n
                || cap < 1
                || !MainSegment.validWidth(width, tabled)) {
            throw new SnapshotException(
                    file,
                    "has an impossible header (entries " + n + ", tabled " + tabled + ", cap " + cap
                            + ", posting width " + width + ")");
        }
        long expected = expectedSize(n, tabled, width);
        if (size != expected)
            throw new SnapshotException(
                    file, "is " + size + " bytes but its header implies " + expected + " (truncated or damaged)");
        return new Header(version, n, tabled, cap, width, fingerprint);
    }

    public static MainSegment read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Header h = header(file, ch);
            int n = (int) h.entries(), t = (int) h.tabled();
            SnapshotIo.In in = new SnapshotIo.In(
                    file, ch, ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN));
            in.skipHeader(HEADER);
            long[] words = in.longs(n * 4);
            long[] ids = in.longs(n);
            int[][] offsets = new int[Packed.CHUNKS][];
            for (int k = 0; k < Packed.CHUNKS; k++) offsets[k] = in.ints(Packed.BUCKETS + 1);
            byte[][] postings = new byte[Packed.CHUNKS / 2 - 1][];
            for (int k = 0; k < postings.length; k++)
                postings[k] = in.bytes(MainSegment.postingArray(h.width(), t), h.width() * t);
            long[][] partners = new long[Packed.CHUNKS - 1][];
            for (int k = 0; k < Packed.CHUNKS - 1; k++) partners[k] = in.longs(PairFilter.packed(t).length);
            in.trailer(END);
            MainSegment m = new MainSegment(n, t, h.cap(), h.width(), words, ids, offsets, postings, partners);
            SnapshotIo.validate(file, m);
            return m;
        }
    }
}
