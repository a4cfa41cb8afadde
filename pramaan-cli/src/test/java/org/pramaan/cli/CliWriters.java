package org.pramaan.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/** Runs the CLI in process and makes the small media and credentials the writer tests need. */
final class CliWriters {
    private CliWriters() {}

    record Run(int exit, String out, String err) {}

    /** Only {@code c2pa sign} touches the runtime, for its clock; anything else fails the test. */
    static Run pramaan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliRuntime runtime = (CliRuntime) Proxy.newProxyInstance(
                CliRuntime.class.getClassLoader(),
                new Class<?>[] {CliRuntime.class},
                (p, m, a) -> switch (m.getName()) {
                    case "clock" -> Clock.systemUTC();
                    case "close" -> null;
                    case "filingNumber" -> Optional.empty();
                    default -> throw new AssertionError("unexpected runtime call " + m.getName());
                });
        int exit = PramaanCli.run(() -> runtime, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    static byte[] image(String format) {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 24; y++) for (int x = 0; x < 32; x++) img.setRGB(x, y, (x * 8) << 16 | (y * 10) << 8 | 90);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, b)) throw new IllegalStateException("no ImageIO writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** The shared C2PA test credentials ({alg}.pem, {alg}.pub); skipped when absent, an error under CI. */
    static Path certs() {
        Path p = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa/certs");
        if (!Files.isDirectory(p)) {
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError("reference data missing in CI: " + p.toAbsolutePath());
            Assumptions.abort("reference data not found at " + p.toAbsolutePath());
        }
        return p;
    }

    /** This process's umask from /proc (Linux 4.7+), so the expected default mode is known. */
    static Optional<Integer> umask() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) return Optional.empty();
        return Files.readAllLines(status).stream()
                .filter(l -> l.startsWith("Umask:"))
                .map(l -> Integer.parseInt(l.substring(6).trim(), 8))
                .findFirst();
    }
}
