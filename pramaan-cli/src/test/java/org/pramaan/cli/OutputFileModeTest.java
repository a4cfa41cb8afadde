package org.pramaan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.cli.CliWriters.pramaan;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: files written by {@code metadata write}/{@code propagate} and {@code c2pa sign} came out
 * 0600 whatever the umask (they were made by Files.createTempFile); a new output now gets the
 * default mode and a file rewritten in place keeps its mode. POSIX file systems only.
 */
class OutputFileModeTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        Assumptions.assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
    }

    /** What Files.createFile gives in this process: 0666 less the umask (0644 under umask 022). */
    private Set<PosixFilePermission> defaultMode() throws Exception {
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        var umask = CliWriters.umask();
        if (umask.isPresent() && umask.get() == 0022) {
            assertThat(PosixFilePermissions.toString(mode)).isEqualTo("rw-r--r--");
        }
        return mode;
    }

    private Set<PosixFilePermission> mode(String name) throws Exception {
        return Files.getPosixFilePermissions(dir.resolve(name));
    }

    @Test
    void metadataWriteGivesANewOutputTheDefaultMode() throws Exception {
        Files.write(dir.resolve("in.jpg"), CliWriters.image("jpg"));
        Files.write(dir.resolve("in.png"), CliWriters.image("png"));
        for (String ext : new String[] {"jpg", "png"}) {
            CliWriters.Run r = pramaan(
                    "metadata",
                    "write",
                    "--source-type",
                    "trainedAlgorithmicMedia",
                    dir.resolve("in." + ext).toString(),
                    dir.resolve("out." + ext).toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(mode("out." + ext)).as("out.%s", ext).isEqualTo(defaultMode());
        }
        CliWriters.Run p = pramaan(
                "metadata",
                "propagate",
                "--propagator",
                "plat",
                "--propagate-id",
                "p-1",
                dir.resolve("out.png").toString(),
                dir.resolve("shared.png").toString());
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(mode("shared.png")).isEqualTo(defaultMode());
    }

    @Test
    void metadataWriteInPlaceKeepsTheInputsMode() throws Exception {
        Path f = dir.resolve("in.jpg");
        Files.write(f, CliWriters.image("jpg"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        CliWriters.Run r = pramaan("metadata", "write", "--source-type", "digitalCapture", f.toString(), f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(PosixFilePermissions.toString(mode("in.jpg"))).isEqualTo("rw-r-----");
        assertThat(pramaan("metadata", "read", f.toString()).out()).contains("digitalCapture");
    }

    @Test
    void c2paSignGivesTheDefaultModeAndKeepsTheModeInPlace() throws Exception {
        Path certs = CliWriters.certs();
        Files.write(dir.resolve("in.jpg"), CliWriters.image("jpg"));
        String[] common = {
            "c2pa",
            "sign",
            "--key",
            certs.resolve("es256.pem").toString(),
            "--chain",
            certs.resolve("es256.pub").toString(),
            "--source-type",
            "trainedAlgorithmicMedia"
        };
        CliWriters.Run r = pramaan(concat(
                common,
                dir.resolve("in.jpg").toString(),
                dir.resolve("signed.jpg").toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(mode("signed.jpg")).isEqualTo(defaultMode());

        CliWriters.Run s = pramaan(concat(
                common,
                "--sidecar",
                dir.resolve("in.jpg").toString(),
                dir.resolve("copy.jpg").toString()));
        assertThat(s.exit()).as(s.err()).isZero();
        assertThat(mode("copy.jpg")).isEqualTo(defaultMode());
        assertThat(mode("copy.c2pa")).isEqualTo(defaultMode());

        Path f = dir.resolve("in.jpg");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        CliWriters.Run inPlace = pramaan(concat(common, f.toString(), f.toString()));
        assertThat(inPlace.exit()).as(inPlace.err()).isZero();
        assertThat(PosixFilePermissions.toString(mode("in.jpg"))).isEqualTo("rw-r-----");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
