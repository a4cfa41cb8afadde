package org.pramaan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The three invocations a script makes once per file, run without picocli (issue 18, CLI start):
 * {@code --version}, {@code c2pa verify FILE} and {@code hash pdq FILE}. Building picocli's model
 * reflects over the command classes' annotations and loads about 170 picocli classes, which are Java 5
 * class files that JDK 25's start-up cache cannot keep linked, so the old verifier checks them on every
 * run: measured here, that was a third of a bare {@code --version}'s CPU time. Only the plainest form
 * of each is taken (exactly those words and one argument that names an existing regular file, not an
 * option, not an {@code @file}); anything else, including every error, goes through picocli as before.
 * The work itself is the commands' own code ({@link C2paCommand.Base#oneFile}, {@link HashCommand.Pdq#hash}),
 * so the output and exit code are the same by construction; {@code FastPathTest} checks them against
 * the picocli path.
 */
final class FastPath {
    private FastPath() {}

    /** The exit code when {@code args} is one of the fast forms, else empty (run picocli). */
    static OptionalInt run(PramaanCli.LazyRuntime runtime, PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            try {
                for (String line : new PramaanCli.Version().getVersion()) out.println(line);
                return OptionalInt.of(0);
            } catch (IOException e) {
                return OptionalInt.empty(); // picocli reports it its own way
            }
        }
        if (args.length != 3) return OptionalInt.empty();
        Optional<Path> file = plainFile(args[2]);
        if (file.isEmpty()) return OptionalInt.empty();
        try {
            if (args[0].equals("c2pa") && args[1].equals("verify"))
                return OptionalInt.of(C2paCommand.Base.oneFile(
                        file.get(), Optional.empty(), new C2paCommand.Verify(runtime), out, err));
            if (args[0].equals("hash") && args[1].equals("pdq"))
                return OptionalInt.of(HashCommand.Pdq.hash(runtime, List.of(file.get()), false, out, err));
        } catch (Exception e) {
            // As PramaanCli.run's execution-exception handler answers a command that throws.
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return OptionalInt.of(2);
        }
        return OptionalInt.empty();
    }

    /** {@code arg} as picocli would convert it, when it is plainly a path to an existing regular file. */
    private static Optional<Path> plainFile(String arg) {
        if (arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@")) return Optional.empty();
        try {
            Path p = Path.of(arg);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
