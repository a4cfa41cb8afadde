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

    public CheckpointJournal(Path file) { this.file = Objects.requireNonNull(file, "file"); }

    public Path file() { return file; }

    public synchronized void append(Checkpoint c) {
        byte[] line = (c.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            var buf = java.nio.ByteBuffer.wrap(line);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot append to the audit checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the file holds.
     *
     * @param exists      whether there is a file at all
     * @param checkpoints the lines that parsed, in file order
     * @param problems    lines that did not parse, each naming its line number
     */
    public record Contents(boolean exists, List<Checkpoint> checkpoints, List<String> problems) {
        public Contents {
            checkpoints = List.copyOf(checkpoints);
            problems = List.copyOf(problems);
        }
    }

    public synchronized Contents read() {
        List<Checkpoint> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
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
        } catch (NoSuchFileException e) {
            return new Contents(false, List.of(), List.of());
        } catch (IOException e) {
            problems.add("cannot read " + file + ": " + e.getMessage());
        }
        return new Contents(true, out, problems);
    }
}
