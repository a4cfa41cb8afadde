package org.pramaan.testkit.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ServerJarsTest {
    @TempDir
    Path dir;

    @Test
    void readsTheClassPathMavenWrote() throws Exception {
        Path a = Files.createFile(dir.resolve("a.jar"));
        Path b = Files.createFile(dir.resolve("b.jar"));
        Path list = Files.writeString(dir.resolve("classpath.txt"), a + java.io.File.pathSeparator + b + "\n");
        System.setProperty("pramaan.test.jars", list.toString());
        try {
            assertThat(ServerJars.require("pramaan.test.jars", "test server")).containsExactly(a, b);
        } finally {
            System.clearProperty("pramaan.test.jars");
        }
    }

    /** Skipped with the reason on a developer's machine; a failure under CI=true, never a silent skip. */
    @Test
    void absentJarsSkipWithTheReasonExceptUnderCi() throws Exception {
        Path list = Files.writeString(
                dir.resolve("classpath.txt"), dir.resolve("gone.jar").toString());
        System.setProperty("pramaan.test.jars", list.toString());
        try {
            Class<? extends Exception> expected =
                    "true".equals(System.getenv("CI")) ? IllegalStateException.class : TestAbortedException.class;
            assertThatThrownBy(() -> ServerJars.require("pramaan.test.jars", "test server"))
                    .isInstanceOf(expected)
                    .hasMessageContaining("test server cannot be started")
                    .hasMessageContaining("gone.jar");
        } finally {
            System.clearProperty("pramaan.test.jars");
        }
    }
}
