package org.pramaan.hash.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** Buffered, checksummed array I/O for {@link SnapshotFile}; CRC-32C because the JDK computes it with CPU instructions. */
final class SnapshotIo {
    private SnapshotIo() {}

    static final class Out {
        private final FileChannel ch;
        private final ByteBuffer buf;
        private final CRC32C crc = new CRC32C();

        Out(FileChannel ch, ByteBuffer buf) {
            this.ch = ch;
            this.buf = buf;
        }

        void bytes(byte[] b) throws IOException {
            room(b.length);
            buf.put(b);
        }

        void bytes(byte[] a, int len) throws IOException {
            for (int off = 0; off < len; ) {
                room(1);
                int k = Math.min(len - off, buf.remaining());
                buf.put(a, off, k);
                off += k;
            }
        }

        void longs(long[] a, int len) throws IOException {
            for (int off = 0; off < len; ) {
                room(8);
                int k = Math.min(len - off, buf.remaining() / 8);
                buf.asLongBuffer().put(a, off, k);
                buf.position(buf.position() + k * 8);
                off += k;
            }
        }

        void ints(int[] a, int len) throws IOException {
            for (int off = 0; off < len; ) {
                room(4);
                int k = Math.min(len - off, buf.remaining() / 4);
                buf.asIntBuffer().put(a, off, k);
                buf.position(buf.position() + k * 4);
                off += k;
            }
        }

        void trailer(byte[] end) throws IOException {
            flush();
            ByteBuffer t = ByteBuffer.allocate(16).order(buf.order());
            t.putLong(crc.getValue()).put(end).flip();
            while (t.hasRemaining()) ch.write(t);
        }

        private void room(int bytes) throws IOException {
            if (buf.remaining() < bytes) flush();
        }

        private void flush() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            while (buf.hasRemaining()) ch.write(buf);
            buf.clear();
        }
    }

    static final class In {
        private final Path file;
        private final FileChannel ch;
        private final ByteBuffer buf;
        private final CRC32C crc = new CRC32C();

        In(Path file, FileChannel ch, ByteBuffer buf) throws IOException {
            this.file = file;
            this.ch = ch;
            this.buf = buf;
            ch.position(0);
        }

        void skipHeader(int bytes) throws IOException {
            fill(bytes);
            buf.position(buf.position() + bytes);
        }

        long[] longs(int len) throws IOException {
            long[] a = new long[len];
            for (int off = 0; off < len; ) {
                int k = Math.min(len - off, buf.capacity() / 8);
                fill(k * 8);
                buf.asLongBuffer().get(a, off, k);
                buf.position(buf.position() + k * 8);
                off += k;
            }
            return a;
        }

        /** Fills the first {@code len} bytes of {@code a} (the rest is padding) and returns it. */
        byte[] bytes(byte[] a, int len) throws IOException {
            for (int off = 0; off < len; ) {
                int k = Math.min(len - off, buf.capacity());
                fill(k);
                buf.get(a, off, k);
                off += k;
            }
            return a;
        }

        int[] ints(int len) throws IOException {
            int[] a = new int[len];
            for (int off = 0; off < len; ) {
                int k = Math.min(len - off, buf.capacity() / 4);
                fill(k * 4);
                buf.asIntBuffer().get(a, off, k);
                buf.position(buf.position() + k * 4);
                off += k;
            }
            return a;
        }

        void trailer(byte[] end) throws IOException {
            long computed = crc.getValue();
            ByteBuffer t = ByteBuffer.allocate(16).order(buf.order());
            while (t.hasRemaining()) if (ch.read(t) < 0) throw new SnapshotException(file, "ended inside its trailer");
            t.flip();
            long stored = t.getLong();
            byte[] e = new byte[8];
            t.get(e);
            if (!java.util.Arrays.equals(e, end))
                throw new SnapshotException(file, "has no end marker (truncated or damaged)");
            if (stored != computed) {
                throw new SnapshotException(
                        file,
                        "fails its checksum (stored CRC-32C " + Long.toHexString(stored) + ", computed "
                                + Long.toHexString(computed) + ")");
            }
        }

        /** Reads exactly {@code bytes} more into an emptied buffer and adds them to the checksum. */
        private void fill(int bytes) throws IOException {
            buf.clear().limit(bytes);
            while (buf.hasRemaining()) if (ch.read(buf) < 0) throw new SnapshotException(file, "ended early");
            buf.flip();
            crc.update(buf.duplicate());
        }
    }

    /** Checks every offset and posting is in range, so even a damaged file that passed the checksum cannot crash a search. */
    static void validate(Path file, MainSegment m) throws SnapshotException {
        for (int k = 0; k < Packed.CHUNKS; k++) {
            int[] o = m.offsets[k];
            if (o[0] != 0 || o[Packed.BUCKETS] != m.tabled)
                throw new SnapshotException(
                        file, "has table " + k + " offsets that do not span its " + m.tabled + " entries");
            for (int v = 0; v < Packed.BUCKETS; v++)
                if (o[v] > o[v + 1])
                    throw new SnapshotException(file, "has table " + k + " offsets out of order at bucket " + v);
        }
        for (int v = 0; v < Packed.BUCKETS; v++) {
            for (int p = m.offsets[0][v]; p < m.offsets[0][v + 1]; p++) {
                if (Packed.chunk(m.words, p, 0) != v)
                    throw new SnapshotException(file, "has entry " + p + " outside its chunk-0 bucket " + v);
                if (p > m.offsets[0][v] && Packed.chunk(m.words, p - 1, 1) > Packed.chunk(m.words, p, 1))
                    throw new SnapshotException(file, "has chunk-0 bucket " + v + " out of chunk-1 order at " + p);
            }
        }
        for (int j = 1; j < Packed.CHUNKS / 2; j++) {
            int k = 2 * j;
            byte[] post = m.postings[j - 1];
            for (int i = 0; i < m.tabled; i++) {
                int p = m.position(post, i);
                if (p < 0 || p >= m.tabled)
                    throw new SnapshotException(file, "has table " + k + " posting " + p + " out of range");
                // A wrong partner cannot crash a search but would silently drop matches. The checksum
                // guards the bytes; a sample (every 1,024th entry: random reads, ~15 ms at 10M instead
                // of seconds for all) guards against a writer that put the wrong chunk there.
                if ((i & 1023) == 0 && PairFilter.get(m.partners[k - 1], i) != Packed.chunk(m.words, p, k ^ 1)) {
                    throw new SnapshotException(
                            file, "has table " + k + " partner chunk at " + i + " that does not match its hash");
                }
            }
        }
        // The odd tables hold no positions; a sample of their entries must be found in their pair's
        // even table, as a search would look them up (PairLookup).
        for (int k = 1; k < Packed.CHUNKS; k += 2) {
            long[] part = m.partnersOf(k), partA = m.partnersOf(k ^ 1);
            int[] off = m.offsets[k], offA = m.offsets[k ^ 1];
            for (int v = 0; v < Packed.BUCKETS; v++) {
                for (int i = off[v]; i < off[v + 1]; i += 1024) {
                    int u = PairFilter.get(part, i);
                    int x = PairFilter.lowerBound(partA, offA[u], offA[u + 1], v);
                    if (x == offA[u + 1] || PairFilter.get(partA, x) != v)
                        throw new SnapshotException(
                                file, "has table " + k + " entry " + i + " that its pair's table does not hold");
                }
            }
        }
    }
}
