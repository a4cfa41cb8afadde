package org.pramaan.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian command-line tools some tests drive (espeak-ng, ffmpeg). A missing tool skips the test with a
 * message naming the package, except under {@code CI=true}, where it fails: CI must install them.
 */
public final class ExternalTools {
    private ExternalTools() {}

    /** @param tool the command; @param debianPackage what to {@code apt-get install} */
    public static void require(String tool, String debianPackage) {
        requireProbe(
                new String[] {tool, "--help"}, false, "'" + tool + "' not found: apt-get install -y " + debianPackage);
    }

    /**
     * Skips the test with {@code missing} (fails under {@code CI=true}) unless {@code probe} starts and
     * ends within 60 s, with exit status 0 when {@code zeroExit}.
     */
    public static void requireProbe(String[] probe, boolean zeroExit, String missing) {
        boolean present;
        try {
            Process p = new ProcessBuilder(probe)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            present = p.waitFor(60, TimeUnit.SECONDS) && (!zeroExit || p.exitValue() == 0);
            if (p.isAlive()) p.destroyForcibly();
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while looking for " + probe[0], e);
        }
        if (present) return;
        if ("true".equals(System.getenv("CI"))) throw new AssertionError(missing + " (required when CI=true)");
        Assumptions.abort(missing);
    }

    /** Runs a command; a non-zero exit fails the test with the command's output. */
    public static void run(Path workDir, String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            if (p.exitValue() != 0)
                throw new AssertionError("exit " + p.exitValue() + ": " + String.join(" ", command) + "\n"
                        + new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        }
    }

    /** ffmpeg quietly, overwriting: {@code ffmpeg -hide_banner -loglevel error -y ARGS}. */
    public static void ffmpeg(Path workDir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y"));
        cmd.addAll(List.of(args));
        run(workDir, cmd.toArray(String[]::new));
    }
}
