package org.pramaan.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.pramaan.cli.PramaanCli;

/**
 * The training run of the launcher's start-up cache (issue 18, CLI start): {@code ./pramaan} runs it
 * once per jar and JDK under JDK 25's {@code -XX:AOTCacheOutput} (JEP 514), which keeps the classes it
 * loads and links, and the method profiles it gathers (JEP 515), for later runs' {@code -XX:AOTCache}.
 * It runs the commands a script calls once per file ({@code --version}, {@code hash pdq},
 * {@code c2pa verify}, usage errors) on images it makes itself, on the default configuration, with
 * every output discarded; it never opens a data directory. The launcher starts it in an empty folder.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        PramaanConfig config = PramaanConfig.load(Map.of(), new Properties());
        Path dir = Files.createTempDirectory("pramaan-aot");
        try {
            Path jpg = image(dir, "jpg");
            Path png = image(dir, "png");
            List<List<String>> runs = List.of(
                    List.of("--version"),
                    List.of("--help"),
                    List.of("hash", "pdq", jpg.toString()),
                    List.of("hash", "pdq", png.toString()),
                    List.of("hash", "pdq", "--dihedral", jpg.toString()),
                    List.of("c2pa", "verify", jpg.toString()),
                    List.of("c2pa", "verify", png.toString()),
                    List.of("c2pa", "read", jpg.toString()),
                    List.of("c2pa", "verify", dir.resolve("missing.jpg").toString()),
                    List.of("c2pa", "verify"),
                    List.of("scan", "--help"));
            // A few rounds so that the profiles (JEP 515) see the hot loops more than once.
            for (int round = 0; round < 3; round++) for (List<String> run : runs) run(config, run);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static void run(PramaanConfig config, List<String> args) {
        PrintStream none = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(none, false, StandardCharsets.UTF_8);
        PramaanCli.run(
                () -> new EmbeddedRuntime(config, Clock.systemUTC(), none), out, out, args.toArray(String[]::new));
    }

    private static Path image(Path dir, String format) throws IOException {
        BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, (x * 13 ^ y * 7) << 8 | (x + y) & 0xff);
        Path p = dir.resolve("training." + format);
        if (!ImageIO.write(img, format, p.toFile())) throw new IOException("no ImageIO writer for " + format);
        return p;
    }
}
