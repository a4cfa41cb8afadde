package org.pramaan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/** A one-line progress bar on stderr, drawn only when a person is watching a terminal. */
abstract class Progress {
    abstract void step(Path current);

    abstract void done();

    /** Java 22+ always has a Console; its isTerminal() says whether a person is there. Java 21 has one only on a terminal. */
    @SuppressWarnings(
            "SystemConsoleNull") // the null check is for Java 21 (--release 21), the reflective isTerminal() for 22+:
    // both cases the check asks for
    static boolean interactive() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static Progress onTerminal(PrintWriter err, int total) {
        if (!interactive() || total < 2)
            return new Progress() {
                @Override
                void step(Path current) {}

                @Override
                void done() {}
            };
        return new Progress() {
            private int n;

            @Override
            void step(Path current) {
                n++;
                int width = 30, filled = n * width / total;
                String name = current.getFileName() == null
                        ? current.toString()
                        : current.getFileName().toString();
                if (name.length() > 40) name = "…" + name.substring(name.length() - 39);
                err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total + " " + name
                        + "\u001b[K");
                err.flush();
            }

            @Override
            void done() {
                err.print("\r\u001b[K");
                err.flush();
            }
        };
    }
}
