package org.pramaan.cli;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Expands command-line paths into the files a batch command processes, the way {@code scan} does: a
 * folder is walked recursively and its files sorted by path, so two runs over the same tree print the
 * same lines in the same order. Symbolic links to folders are not followed (a link loop cannot make the
 * walk endless); links to files are kept, as {@code Files.walk} plus {@code Files::isRegularFile} keeps
 * them in {@code scan}. Unlike {@code Files.walk}, a folder that cannot be listed does not end the run:
 * it becomes an entry carrying the reason, so the command prints an error line for it and goes on.
 */
final class FileWalk {
    private FileWalk() {}

    /**
     * One path to process. {@code walked}: found inside a folder rather than named on the command line;
     * {@code failure}: why the walk could not look into it (then it is not to be read).
     */
    record Entry(Path path, boolean walked, Optional<String> failure) {}

    static List<Entry> expand(List<Path> paths) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                out.add(new Entry(p, false, Optional.empty()));
                continue;
            }
            List<Entry> found = new ArrayList<>();
            Files.walkFileTree(p, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // attrs are the link's own; Files.isRegularFile follows it, keeping links to files only.
                    if (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file)))
                        found.add(new Entry(file, true, Optional.empty()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    found.add(new Entry(file, true, Optional.of("cannot read " + file + ": " + reason(e))));
                    return FileVisitResult.CONTINUE;
                }
            });
            found.sort((a, b) -> a.path().compareTo(b.path()));
            out.addAll(found);
        }
        return out;
    }

    /** The exception's message, else its simple class name ({@code AccessDeniedException} carries only the path). */
    static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }
}
