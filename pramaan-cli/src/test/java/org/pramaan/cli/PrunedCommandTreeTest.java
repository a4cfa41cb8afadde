package org.pramaan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.hash.PdqHasher;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import picocli.CommandLine;

/**
 * Issue 18 (CLI start): a run that names a top-level command builds only that command's subtree, and
 * what it prints and returns is exactly what the whole tree gives for the same arguments.
 */
class PrunedCommandTreeTest {
    @TempDir
    Path dir;

    private static PramaanCli.LazyRuntime runtime() {
        return new PramaanCli.LazyRuntime(() -> (CliRuntime) Proxy.newProxyInstance(
                CliRuntime.class.getClassLoader(),
                new Class<?>[] {CliRuntime.class},
                (p, m, a) -> switch (m.getName()) {
                    case "clock" -> Clock.systemUTC();
                    case "pdqHasher" -> new PdqHasher();
                    case "prober" -> MediaProber.standard();
                    case "limits" -> MediaLimits.defaults();
                    case "close" -> null;
                    default -> throw new IllegalStateException("no " + m.getName() + " in this test");
                }));
    }

    record Run(int exit, String out, String err) {}

    /** The same settings {@link PramaanCli#run} applies, on a given tree. */
    private static Run execute(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + ex.getMessage());
            return 2;
        });
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aNamedCommandGetsItsSubtreeOnlyAndVersionNone() {
        assertThat(PramaanCli.commandLine(runtime(), "c2pa", "verify", "a.jpg")
                        .getSubcommands()
                        .keySet())
                .containsExactly("c2pa");
        assertThat(PramaanCli.commandLine(runtime(), "hash", "pdq", "a.jpg")
                        .getSubcommands()
                        .get("hash")
                        .getSubcommands()
                        .keySet())
                .contains("pdq", "vpdq");
        assertThat(PramaanCli.commandLine(runtime(), "--version").getSubcommands())
                .isEmpty();
        for (String[] whole :
                List.of(new String[0], new String[] {"--help"}, new String[] {"help", "c2pa"}, new String[] {"nosuch"}))
            assertThat(PramaanCli.commandLine(runtime(), whole).getSubcommands().keySet())
                    .as("pramaan %s lists every command", String.join(" ", whole))
                    .isEqualTo(
                            PramaanCli.commandLine(runtime()).getSubcommands().keySet())
                    .contains("scan", "c2pa", "hash", "help");
    }

    @Test
    void outputAndExitAreThoseOfTheWholeTree() throws Exception {
        Path image = Files.write(dir.resolve("a.png"), CliWriters.image("png"));
        List<String[]> cases = new ArrayList<>(List.of(
                new String[] {"--version"},
                new String[] {"-V"},
                new String[] {"c2pa", "--help"},
                new String[] {"c2pa", "verify"},
                new String[] {"c2pa", "verifx", "a.jpg"},
                new String[] {"c2pa", "verify", "--bogus", "a.jpg"},
                new String[] {"c2pa", "verify", dir.resolve("missing.jpg").toString()},
                new String[] {"c2pa", "verify", image.toString()},
                new String[] {"hash", "pdq", image.toString()},
                new String[] {"hash", "pdq", "--dihedral", image.toString()},
                new String[] {"hash"},
                new String[] {"keys", "create", "--role", "nosuchrole"}));
        for (String[] args : cases) {
            Run pruned = execute(PramaanCli.commandLine(runtime(), args), args);
            Run whole = execute(PramaanCli.commandLine(runtime()), args);
            assertThat(pruned).as("pramaan %s", String.join(" ", args)).isEqualTo(whole);
            assertThat(pruned.out() + pruned.err())
                    .as("pramaan %s printed something", String.join(" ", args))
                    .isNotBlank();
        }
    }
}
