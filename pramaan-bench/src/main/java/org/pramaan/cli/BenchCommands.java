package org.pramaan.cli;

import java.util.List;

/**
 * Contributes {@code pramaan bench …} to the CLI (registered in META-INF/services). The bench
 * commands live in this module but keep the CLI's package so they use its package-private helpers
 * ({@code ScanCommand.expand}, the runtime marker) without widening the CLI's public API; the
 * project runs on the class path (no JPMS modules), where a package may span two jars.
 */
public final class BenchCommands implements CliCommands {
    @Override
    public List<Class<?>> commands() {
        return List.of(BenchCommand.class);
    }
}
