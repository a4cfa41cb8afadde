package org.pramaan.media;

import java.io.EOFException;
import java.util.Objects;

final class ByteArrayMediaSource implements MediaSource {
    private final byte[] bytes;

    ByteArrayMediaSource(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public void readFully(long position, byte[] dst, int off, int len) throws EOFException {
        org.pramaan.limits.WorkBudget
                .check(); // as FileMediaSource: parsers' loops stop when the request's budget is spent
        if (position < 0 || len < 0 || position + len > bytes.length) {
            throw new EOFException("read of " + len + " bytes at offset " + position + " runs past the end ("
                    + bytes.length + " bytes)");
        }
        System.arraycopy(bytes, (int) position, dst, off, len);
    }

    @Override
    public void checksum(long position, int len, java.util.zip.Checksum checksum) throws EOFException {
        if (position < 0 || len < 0 || position + len > bytes.length) {
            throw new EOFException("checksum of " + len + " bytes at offset " + position + " runs past the end ("
                    + bytes.length + " bytes)");
        }
        checksum.update(bytes, (int) position, len);
    }

    @Override
    public void digest(long position, long len, java.security.MessageDigest digest) throws EOFException {
        org.pramaan.limits.WorkBudget.check();
        if (position < 0 || len < 0 || position + len > bytes.length) {
            throw new EOFException("digest of " + len + " bytes at offset " + position + " runs past the end ("
                    + bytes.length + " bytes)");
        }
        digest.update(bytes, (int) position, (int) len);
    }

    @Override
    public byte[] readAll() {
        return bytes.clone();
    }
}
