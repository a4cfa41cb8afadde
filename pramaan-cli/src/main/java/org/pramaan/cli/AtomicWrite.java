package org.pramaan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a whole output file through a temporary sibling and a rename, so a failure never leaves half a file behind. */
final class AtomicWrite {
    private AtomicWrite() {}

    static void write(Path out, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".pramaan-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
