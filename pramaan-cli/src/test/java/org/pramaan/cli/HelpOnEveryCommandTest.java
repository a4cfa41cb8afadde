package org.pramaan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} works on every command of the tree, nested ones included, and never opens the data directory. */
class HelpOnEveryCommandTest {
    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            // Aliases point at the same command; walk each once under its own name.
            if (!sub.getCommandName().equals(name)) return;
            List<String> p = new ArrayList<>(path);
            p.add(name);
            collect(sub, p, out);
        });
    }

    @Test
    void everyCommandAnswersHelpWithItsUsageAndExitZero() {
        List<List<String>> commands = new ArrayList<>();
        collect(
                PramaanCli.commandLine(new PramaanCli.LazyRuntime(() -> {
                    throw new AssertionError("--help must not open the runtime");
                })),
                List.of(),
                commands);
        assertThat(commands.size())
                .as("the tree was walked, nested commands included")
                .isGreaterThan(30);
        assertThat(commands)
                .contains(
                        List.of("serve"),
                        List.of("scan"),
                        List.of("bank", "import"),
                        List.of("hash", "vpdq"),
                        List.of("c2pa", "sign"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = PramaanCli.run(
                    () -> {
                        throw new AssertionError("--help must not open the runtime");
                    },
                    new PrintWriter(out),
                    new PrintWriter(err),
                    args.toArray(String[]::new));
            String name = command.isEmpty() ? "pramaan" : command.get(command.size() - 1);
            assertThat(exit)
                    .as("exit of pramaan %s --help: %s", String.join(" ", command), err)
                    .isZero();
            assertThat(out.toString())
                    .as("usage of pramaan %s", String.join(" ", command))
                    .contains("Usage: pramaan ")
                    .contains(name)
                    .contains("--help");
        }
    }
}
