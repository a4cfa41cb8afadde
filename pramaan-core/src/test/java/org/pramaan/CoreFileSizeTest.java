package org.pramaan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: no file in core's main code over 300 lines (as formatted by Spotless). A file that
 * grows past it holds more than one concern; split it along its seam rather than raising the limit.
 */
class CoreFileSizeTest {
    private static final int MAX_LINES = 300;

    @Test
    void noCoreSourceFileIsOver300Lines() throws IOException {
        Path main = Path.of("src/main/java");
        assertThat(main).as("run from the pramaan-core module directory").isDirectory();
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(main)) {
            tooLong = files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> {
                        try {
                            return p + " (" + Files.readAllLines(p).size() + " lines)";
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(s -> Integer.parseInt(s.substring(s.lastIndexOf('(') + 1, s.lastIndexOf(' '))) > MAX_LINES)
                    .sorted()
                    .toList();
        }
        assertThat(tooLong).as("core files over " + MAX_LINES + " lines").isEmpty();
    }
}
