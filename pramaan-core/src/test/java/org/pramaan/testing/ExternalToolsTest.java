package org.pramaan.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ExternalToolsTest {
    /** A missing tool skips locally and fails in CI, naming the package to install either way. */
    @Test
    void aMissingToolSkipsLocallyAndFailsInCi() {
        boolean ci = "true".equals(System.getenv("CI"));
        assertThatThrownBy(() -> ExternalTools.require("pramaan-no-such-tool-7f3a", "pramaan-no-such-package"))
                .isInstanceOf(ci ? AssertionError.class : TestAbortedException.class)
                .hasMessageContaining("apt-get install -y pramaan-no-such-package");
    }

    @Test
    void aFailingCommandFailsWithItsOutput() {
        assertThatThrownBy(() -> ExternalTools.run(java.nio.file.Path.of("."), "sh", "-c", "echo broken; exit 3"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exit 3")
                .hasMessageContaining("broken");
    }
}
