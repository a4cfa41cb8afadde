package org.pramaan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.hash.PdqHasher;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.testkit.FakeClock;
import picocli.CommandLine;

/**
 * Issue 18 (CLI start): {@code --version}, {@code c2pa verify FILE} and {@code hash pdq FILE} run without
 * picocli, and print and return exactly what the picocli path does for the same arguments; every other
 * form is left to picocli.
 */
class FastPathTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private static PramaanCli.LazyRuntime runtime() {
        Clock clock = FakeClock.at("2026-12-01T00:00:00Z");
        return new PramaanCli.LazyRuntime(() -> (CliRuntime) Proxy.newProxyInstance(
                CliRuntime.class.getClassLoader(),
                new Class<?>[] {CliRuntime.class},
                (p, m, a) -> switch (m.getName()) {
                    case "clock" -> clock;
                    case "pdqHasher" -> new PdqHasher();
                    case "prober" -> MediaProber.standard();
                    case "limits" -> MediaLimits.defaults();
                    case "close" -> null;
                    default -> throw new IllegalStateException("no " + m.getName() + " in this test");
                }));
    }

    /** The fast path; fails the test when it declines {@code args}. */
    private static Run fast(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        OptionalInt exit = FastPath.run(runtime(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(exit).as("fast path taken for %s", Arrays.toString(args)).isPresent();
        return new Run(exit.getAsInt(), out.toString(), err.toString());
    }

    /** Picocli on the tree PramaanCli.run builds, with the same writers' settings and exception handler. */
    private static Run picocli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PramaanCli.commandLine(runtime(), args);
        cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 2;
        });
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private void same(String... args) {
        assertThat(fast(args)).as("pramaan %s", String.join(" ", args)).isEqualTo(picocli(args));
    }

    @Test
    void versionIsPicoclisVersion() {
        same("--version");
        same("-V");
        assertThat(fast("--version").out()).startsWith("pramaan ").contains("Java ");
    }

    @Test
    void generatedFilesGiveTheSameOutputAndExit() throws IOException {
        Path jpg = image("a.jpg", "jpg");
        Path png = image("b.png", "png");
        Path truncated = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(Files.readAllBytes(jpg), 300));
        Path text = Files.writeString(dir.resolve("notes.txt"), "not media\n");
        Path empty = Files.write(dir.resolve("empty.jpg"), new byte[0]);
        List<Run> exits = new ArrayList<>();
        for (Path f : List.of(jpg, png, truncated, text, empty)) {
            same("c2pa", "verify", f.toString());
            same("hash", "pdq", f.toString());
            exits.add(fast("hash", "pdq", f.toString()));
        }
        // The comparison is not vacuous: hashes were printed for the images, errors for the rest.
        assertThat(exits.get(0).out())
                .matches("[0-9a-f]{64},\\d+," + java.util.regex.Pattern.quote(jpg.toString()) + "\n");
        assertThat(exits.get(3).exit()).isEqualTo(1);
        assertThat(exits.get(3).err()).startsWith(text + ": ");
        assertThat(fast("c2pa", "verify", jpg.toString()).exit()).isEqualTo(3);
    }

    @Test
    void everyC2paFixtureGivesTheSameReportAndExit() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(C2paManyFilesTest.c2pa().resolve("fixtures"))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        int verified = 0;
        for (Path f : files) {
            same("c2pa", "verify", f.toString());
            if (fast("c2pa", "verify", f.toString()).exit() == 0) verified++;
        }
        assertThat(verified).as("some fixtures verify").isPositive();
    }

    @Test
    void everyOtherFormIsLeftToPicocli() throws IOException {
        Path jpg = image("a.jpg", "jpg");
        for (String[] args : List.of(
                new String[] {"c2pa", "verify", dir.toString()},
                new String[] {"c2pa", "verify", dir.resolve("missing.jpg").toString()},
                new String[] {"c2pa", "verify", "--trust", jpg.toString()},
                new String[] {"c2pa", "verify", "@" + jpg},
                new String[] {"c2pa", "verify", jpg.toString(), jpg.toString()},
                new String[] {"c2pa", "read", jpg.toString()},
                new String[] {"hash", "pdq", "--dihedral", jpg.toString()},
                new String[] {"hash", "vpdq", jpg.toString()},
                new String[] {"c2pa", "verify", ""},
                new String[] {"--version", "--help"},
                new String[] {"--help"},
                new String[0]))
            assertThat(FastPath.run(
                            runtime(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args))
                    .as("pramaan %s", String.join(" ", args))
                    .isEmpty();
    }

    private Path image(String name, String format) throws IOException {
        BufferedImage img = new BufferedImage(96, 80, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, (x * 11 ^ y * 5) << 8 | (x + 3 * y) & 0xff);
        Path p = dir.resolve(name);
        assertThat(ImageIO.write(img, format, p.toFile())).isTrue();
        return p;
    }
}
