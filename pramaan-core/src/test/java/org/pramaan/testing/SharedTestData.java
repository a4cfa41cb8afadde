package org.pramaan.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The public reference data in ../shared/testdata, read through {@code -Dpramaan.testdata}. Missing
 * data skips the test with a message, except under {@code CI=true}, where it fails.
 */
public final class SharedTestData {
    private SharedTestData() {}

    public static Path folder(String sub) {
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
