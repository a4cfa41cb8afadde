package org.pramaan.cli;

import java.util.List;

/**
 * Top-level commands contributed by another module on the classpath, found with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/org.pramaan.cli.CliCommands} entry).
 * It lets {@code pramaan-bench} add {@code pramaan bench …} to the shipped jar while this module
 * never depends on the benchmarks (issue 12 item 6: no benchmark drivers in shipped modules).
 * Commands are built by the CLI's factory, so one marked {@link PramaanCli.RuntimeAware} gets the runtime.
 */
public interface CliCommands {
    /** Picocli {@code @Command} classes to add at the top level of {@code pramaan}. */
    List<Class<?>> commands();
}
