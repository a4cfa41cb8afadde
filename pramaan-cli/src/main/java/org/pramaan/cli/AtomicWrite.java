package org.pramaan.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;

/**
 * Writes a whole output file through a temporary sibling and a rename, so a failure never leaves half
 * a file behind. The result has the mode any new file gets (0666 less the umask, as
 * {@code Files.createFile} gives) or, when it replaces a file (writing in place), that file's mode:
 * a labelled or signed image is meant to be shared, and {@code Files.createTempFile}'s 0600 made it
 * unreadable to everyone else (issue 18).
 */
final class AtomicWrite {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicWrite() {}

    static void write(Path out, byte[] bytes) throws IOException {
        Path folder = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder))
            throw new IllegalArgumentException("output folder " + folder + " does not exist");
        Path tmp = create(folder);
        try {
            Files.write(tmp, bytes);
            keepMode(out, tmp);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new, unguessable sibling with the default mode; createFile refuses a name that exists (no symlink race). */
    private static Path create(Path folder) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = folder.resolve(".pramaan-" + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 16) throw e;
            }
        }
    }

    /** The file being replaced keeps its permissions (POSIX only; elsewhere the default stays). */
    private static void keepMode(Path out, Path tmp) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(out, PosixFileAttributeView.class);
        if (old == null || !Files.isRegularFile(out)) return;
        Files.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setPermissions(old.readAttributes().permissions());
    }
}
