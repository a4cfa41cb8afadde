package org.pramaan.media;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Random-access, read-only bytes of one file. Parsers read only the ranges they need, so a 512 MB
 * video is probed without loading it.
 */
public interface MediaSource extends Closeable {
    long size();

    /**
     * Reads exactly {@code len} bytes at {@code position}.
     *
     * @throws java.io.EOFException if the range runs past the end
     */
    void readFully(long position, byte[] dst, int off, int len) throws IOException;

    default byte[] read(long position, int len) throws IOException {
        byte[] b = new byte[len];
        readFully(position, b, 0, len);
        return b;
    }

    /** Reads up to {@code max} bytes from {@code position}, fewer at the end of the file. */
    default byte[] readUpTo(long position, int max) throws IOException {
        long available = Math.max(0, size() - position);
        if (available == 0) return new byte[0];
        return read(position, (int) Math.min(max, available));
    }

    /**
     * Feeds {@code len} bytes at {@code position} to {@code checksum} (a PNG chunk's CRC, say),
     * 64 KiB at a time; in-memory sources hand over their own bytes without a copy.
     *
     * @throws java.io.EOFException if the range runs past the end
     */
    default void checksum(long position, int len, java.util.zip.Checksum checksum) throws IOException {
        byte[] buf = new byte[Math.min(len, 64 * 1024)];
        for (long p = position, left = len; left > 0; ) {
            int n = (int) Math.min(left, buf.length);
            readFully(p, buf, 0, n);
            checksum.update(buf, 0, n);
            p += n;
            left -= n;
        }
    }

    /**
     * Feeds {@code len} bytes at {@code position} to {@code digest} (C2PA asset hashing), 1 MiB at a time;
     * in-memory sources hand over their own bytes without a copy.
     *
     * @throws java.io.EOFException if the range runs past the end
     */
    default void digest(long position, long len, java.security.MessageDigest digest) throws IOException {
        byte[] buf = new byte[(int) Math.min(len, 1 << 20)];
        for (long p = position, left = len; left > 0; ) {
            int n = (int) Math.min(left, buf.length);
            readFully(p, buf, 0, n);
            digest.update(buf, 0, n);
            p += n;
            left -= n;
        }
    }

    /** The whole file in memory; callers check {@link #size()} against a limit first. */
    default byte[] readAll() throws IOException {
        if (size() > Integer.MAX_VALUE - 16)
            throw new IOException("file too large to read into memory: " + size() + " bytes");
        return read(0, (int) size());
    }

    /** The file behind these bytes, when there is one: decoders of video and audio read files, not ranges. */
    default java.util.Optional<Path> file() {
        return java.util.Optional.empty();
    }

    @Override
    default void close() throws IOException {}

    static MediaSource of(byte[] bytes) {
        return new ByteArrayMediaSource(bytes);
    }

    static MediaSource open(Path file) throws IOException {
        return new FileMediaSource(file);
    }
}
