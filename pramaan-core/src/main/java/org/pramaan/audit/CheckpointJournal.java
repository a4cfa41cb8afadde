package org.pramaan.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checkpoint file ({@code audit-checkpoints.jsonl}): one JSON line per checkpoint, only ever
 * appended, each line flushed to disk before the call returns. It lives outside the SQLite file so
 * that someone who rewrites the database still has to rewrite this file, and cannot sign new lines
 * without the key.
 */
public final class CheckpointJournal {
    public static final String FILE_NAME = "audit-checkpoints.jsonl";
    private final Path file;

    public CheckpointJournal(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    public Path file() {
        return file;
    }

    public synchronized void append(Checkpoint c) {
        byte[] line = (c.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // READ and APPEND cannot be combined; the writer positions at the end itself (one process per data
            // directory).
            repairTornTail(ch);
            ch.position(ch.size());
            var buf = java.nio.ByteBuffer.wrap(line);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot append to the audit checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A crash mid-write can leave a last line without its newline. If that fragment is a whole
     * checkpoint it only lacks the newline; otherwise it never was one (the database mark is written
     * after the line, so nothing counted it) and is cut off, so the file stays one checkpoint per line.
     */
    private static void repairTornTail(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) return;
        int tail = (int) Math.min(size, Checkpoint.MAX_LINE + 1L);
        var buf = java.nio.ByteBuffer.allocate(tail);
        ch.read(buf, size - tail);
        byte[] b = buf.array();
        if (b[tail - 1] == '\n') return;
        int nl = tail - 1;
        while (nl >= 0 && b[nl] != '\n') nl--;
        String fragment = new String(b, nl + 1, tail - nl - 1, StandardCharsets.UTF_8);
        try {
            Checkpoint.parse(fragment);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), size);
        } catch (IllegalArgumentException e) {
            ch.truncate(size - (tail - nl - 1));
        }
    }

    /**
     * What the file holds.
     *
     * @param exists      whether there is a file at all
     * @param checkpoints the lines that parsed, in file order
     * @param problems    lines that did not parse, each naming its line number
     */
    public record Contents(boolean exists, List<Checkpoint> checkpoints, List<String> problems, List<String> warnings) {
        public Contents {
            checkpoints = List.copyOf(checkpoints);
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads every line. A last line without its newline that does not parse is a write cut short by a
     * crash (the database mark is written only after the line), so it is a warning, not a problem.
     */
    public synchronized Contents read() {
        List<Checkpoint> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            String line;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                try {
                    out.add(Checkpoint.parse(line));
                } catch (IllegalArgumentException e) {
                    problems.add(FILE_NAME + " line " + n + ": " + e.getMessage());
                }
            }
            if (!problems.isEmpty()
                    && problems.get(problems.size() - 1).startsWith(FILE_NAME + " line " + n + ":")
                    && !endsWithNewline()) {
                warnings.add(
                        FILE_NAME + " line " + n + " is incomplete (a write cut short by a crash) and was ignored");
                problems.remove(problems.size() - 1);
            }
        } catch (NoSuchFileException e) {
            return new Contents(false, List.of(), List.of(), List.of());
        } catch (IOException e) {
            problems.add("cannot read " + file + ": " + e.getMessage());
        }
        return new Contents(true, out, problems, warnings);
    }

    private boolean endsWithNewline() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() == 0) return true;
            var last = java.nio.ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            return last.get(0) == '\n';
        }
    }
}
