package org.pramaan.store.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive hold of one process on a data directory: an OS file lock ({@link FileChannel#tryLock})
 * on {@code <dataDir>/pramaan.lock}, taken when the store opens and released when it closes.
 * Two processes on one directory would each keep their own in-memory bank index over one SQLite
 * file, so a bank change made through one would never be matched by the other.
 *
 * <p>The lock belongs to the open file, not to the file's existence: the OS drops it when the
 * process ends, however it ends (SIGKILL included), so a lock file left behind never blocks a
 * restart. The file is therefore never deleted (deleting it would let a third process lock a new
 * file while a second still holds the old one). Its text, the holder's PID and start time, is only
 * for the refusal message.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE = "pramaan.lock";
    /** The holder text is ours, but read no more than this of it, whatever someone wrote there. */
    private static final int MAX_HOLDER_BYTES = 200;

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or throws {@link DataDirectoryInUseException} naming the directory and the holder. */
    static DataDirectoryLock acquire(Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir).toAbsolutePath().normalize();
        // Opened without TRUNCATE_EXISTING: the holder's text must survive a refused opener.
        FileChannel ch = FileChannel.open(
                dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null; // this JVM already holds it (a second store opened in the same process)
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            String holder;
            try {
                holder = holder(ch);
            } finally {
                ch.close();
            }
            throw new DataDirectoryInUseException(dir, holder);
        }
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(describeThisProcess().getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
        } catch (IOException | RuntimeException e) {
            l.release();
            ch.close();
            throw e;
        }
        return new DataDirectoryLock(ch, l);
    }

    private static String describeThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        return "pid " + self.pid() + ", started "
                + self.info().startInstant().map(Object::toString).orElse("at an unknown time") + "\n";
    }

    /** What the holder wrote, as one printable line; "unknown" when it wrote nothing (yet). */
    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(MAX_HOLDER_BYTES);
        ch.read(b, 0);
        String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
        StringBuilder clean = new StringBuilder();
        for (char c : text.toCharArray()) clean.append(c < 0x20 || c == 0x7f ? ' ' : c);
        return clean.isEmpty() ? "a process that has not written its details yet" : clean.toString();
    }

    @Override
    public void close() {
        try (channel) {
            if (lock.isValid()) {
                channel.truncate(0); // the details are of a process that no longer holds it
                lock.release();
            }
        } catch (IOException e) {
            throw new StoreException("cannot release the data directory lock: " + e.getMessage(), e);
        }
    }
}
