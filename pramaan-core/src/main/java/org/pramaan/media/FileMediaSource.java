package org.pramaan.media;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

final class FileMediaSource implements MediaSource {
    private final FileChannel channel;
    private final long size;
    private final Path path;

    FileMediaSource(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public java.util.Optional<Path> file() {
        return java.util.Optional.of(path);
    }

    @Override
    public void readFully(long position, byte[] dst, int off, int len) throws IOException {
        // Every parser reads through here, so a request whose work budget is spent stops at its next read (issue 11).
        org.pramaan.limits.WorkBudget.check();
        if (position < 0 || len < 0 || position + len > size) {
            throw new EOFException("read of " + len + " bytes at offset " + position + " runs past the end of " + path
                    + " (" + size + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
        long pos = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) throw new EOFException("unexpected end of " + path + " at offset " + pos);
            pos += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
