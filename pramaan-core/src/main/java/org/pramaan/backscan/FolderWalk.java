package org.pramaan.backscan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.errors.Invalid;
import org.pramaan.media.MediaSource;

/**
 * A folder of the platform's own files, confined to the configured roots: the path an admin gives is
 * resolved to its real path and must lie inside an allowed root's real path; the walk does not follow
 * symbolic links, and each file is re-checked when it is opened (a link swapped in after the walk is
 * refused, not followed out of the root).
 */
final class FolderWalk {
    static final int MAX_PATH = 4096;

    private FolderWalk() {}

    /**
     * The real path of {@code given} when it is a folder inside an allowed root.
     *
     * @throws Invalid {@code backscan.path_outside_roots}, {@code backscan.path_invalid} naming {@code source.folder}
     */
    static Path resolve(String given, List<Path> roots) {
        if (given.isEmpty() || given.length() > MAX_PATH || given.indexOf('\0') >= 0)
            throw refused("backscan.path_invalid", "source.folder must be 1.." + MAX_PATH + " characters without NUL");
        if (roots.isEmpty())
            throw refused(
                    "backscan.path_outside_roots", "folder scans are off: backscan.allowed-roots names no folder");
        Path real;
        try {
            Path p = Path.of(given);
            if (!p.isAbsolute())
                throw refused("backscan.path_invalid", "source.folder '" + given + "' is not absolute");
            real = p.toRealPath();
        } catch (InvalidPathException | IOException e) {
            throw refused("backscan.path_invalid", "source.folder '" + given + "' is not an existing folder");
        }
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS))
            throw refused("backscan.path_invalid", "source.folder '" + given + "' is not a folder");
        for (Path root : roots) if (real.startsWith(realOf(root))) return real;
        throw refused(
                "backscan.path_outside_roots",
                "source.folder '" + given + "' is outside the allowed roots (backscan.allowed-roots)");
    }

    private static Path realOf(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize(); // a root that does not exist matches nothing real
        }
    }

    private static Invalid refused(String code, String message) {
        return new Invalid(code, "source.folder", message, null);
    }

    /** Relative paths ('/'-separated) of the regular files under {@code root}, sorted; links are skipped. */
    static List<String> list(Path root, int max) throws IOException {
        List<String> out = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                if (a.isRegularFile() && !a.isSymbolicLink()) {
                    if (out.size() >= max)
                        throw new Invalid(
                                "backscan.too_many_items",
                                "source.folder",
                                "source.folder holds more than " + max + " files (backscan.max-folder-items)",
                                null);
                    out.add(relative(root, file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable entries are not items; the scan goes on
            }
        });
        out.sort(null);
        return out;
    }

    private static String relative(Path root, Path file) {
        StringBuilder b = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (b.length() > 0) b.append('/');
            b.append(part);
        }
        return b.toString();
    }

    /** Opens one listed file, refusing it if it became a link or now resolves outside the root. */
    static MediaSource open(Path root, String relative) throws IOException {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || Files.isSymbolicLink(file))
            throw new IOException("'" + relative + "' is a link or outside the folder; not followed");
        Path real = file.toRealPath();
        if (!real.startsWith(root))
            throw new IOException("'" + relative + "' resolves outside the folder; not followed");
        return MediaSource.open(real);
    }
}
