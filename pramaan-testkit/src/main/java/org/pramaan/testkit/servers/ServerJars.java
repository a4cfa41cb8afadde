package org.pramaan.testkit.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The class path of a server the tests start in a child JVM, read from the file Maven wrote at build
 * time ({@code dependency:build-classpath}; its path is in a system property the module's surefire
 * configuration sets). Nothing is resolved or downloaded while tests run.
 */
public final class ServerJars {
    private ServerJars() {}

    /**
     * The jars listed in the file named by system property {@code property}; when they cannot be had the
     * test is skipped with the reason, except under {@code CI=true}, where it fails (DEV-GUIDELINES 8).
     */
    public static List<Path> require(String property, String server) {
        String problem;
        String file = System.getProperty(property, "");
        if (file.isBlank()) {
            problem = "system property " + property + " (the class-path file Maven writes) is not set";
        } else {
            try {
                List<Path> jars = read(Path.of(file));
                List<Path> missing =
                        jars.stream().filter(p -> !Files.isRegularFile(p)).toList();
                if (jars.isEmpty()) problem = file + " lists no jars";
                else if (!missing.isEmpty()) problem = file + " names jars that are absent, e.g. " + missing.get(0);
                else return jars;
            } catch (IOException e) {
                problem = "cannot read " + file + " (" + e.getMessage() + "): build its module first";
            }
        }
        String message = server + " cannot be started: " + problem;
        if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(message + " (CI=true: not skipped)");
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    static List<Path> read(Path file) throws IOException {
        String text = Files.readString(file).strip();
        List<Path> jars = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int sep = text.indexOf(java.io.File.pathSeparatorChar, from);
            int end = sep < 0 ? text.length() : sep;
            String entry = text.substring(from, end).strip();
            if (!entry.isEmpty()) jars.add(Path.of(entry));
            from = end + 1;
        }
        return List.copyOf(jars);
    }
}
