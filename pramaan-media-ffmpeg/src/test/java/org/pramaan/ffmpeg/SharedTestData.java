package org.pramaan.ffmpeg;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * ../shared/testdata through {@code -Dpramaan.testdata}: skips when absent, fails under CI=true.
 * The same rule as core's test helper (core test classes are not published to other modules).
 */
final class SharedTestData {
    private SharedTestData() {}

    static Path folder(String sub) {
        Path p = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve(sub);
        if (!Files.isDirectory(p)) {
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError("reference data missing in CI: " + p.toAbsolutePath());
            Assumptions.abort("reference data not found at " + p.toAbsolutePath() + " (set -Dpramaan.testdata=PATH)");
        }
        return p;
    }
}
