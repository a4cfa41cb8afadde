package org.pramaan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/** A one-line progress bar on stderr, drawn only when a person is watching a terminal. */
abstract class Progress {
    abstract void step(Path current);

    abstract void done();

    static Progress onTerminal(PrintWriter err, int total) {
        if (System.console() == null || total < 2) return new Progress() {
            @Override void step(Path current) { }
            @Override void done() { }
        };
        return new Progress() {
            private int n;

            @Override
            void step(Path current) {
                n++;
                int width = 30, filled = n * width / total;
                String name = current.getFileName() == null ? current.toString() : current.getFileName().toString();
                if (name.length() > 40) name = "…" + name.substring(name.length() - 39);
                err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total + " " + name + "\u001b[K");
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
