package org.pramaan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code pramaan [command]}. */
@Command(
        name = "pramaan",
        mixinStandardHelpOptions = true,
        versionProvider = PramaanCli.Version.class,
        description = "Deepfake compliance: screen media, run notices on statutory clocks, verify the audit log.",
        subcommands = {
            ScanCommand.class,
            HashCommand.class,
            C2paCommand.class,
            MetadataCommand.class,
            MatchCommand.class,
            BankCommand.class,
            CasesCommand.class,
            DeliveriesCommand.class,
            ServeCommand.class,
            KeysCommand.class,
            AuditCommand.class,
            CommandLine.HelpCommand.class
        })
public final class PramaanCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI; {@code runtime} is created on first use and closed at the end. */
    public static int run(Supplier<CliRuntime> runtime, PrintWriter out, PrintWriter err, String... args) {
        LazyRuntime lazy = new LazyRuntime(runtime);
        try {
            CommandLine cl = commandLine(lazy);
            cl.setOut(out).setErr(err);
            cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
                cmd.getErr().println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
                return 2;
            });
            return cl.execute(args);
        } finally {
            lazy.close();
            out.flush();
            err.flush();
        }
    }

    /** The command tree; every command, nested ones included, answers {@code --help} and {@code --version}. */
    static CommandLine commandLine(LazyRuntime lazy) {
        CommandLine cl = new CommandLine(new PramaanCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (RuntimeAware.class.isAssignableFrom(cls))
                    return cls.getDeclaredConstructor(LazyRuntime.class).newInstance(lazy);
                return CommandLine.defaultFactory().create(cls);
            }
        });
        // pramaan bench … and any other command a module on the classpath contributes (see CliCommands).
        for (CliCommands contributed : java.util.ServiceLoader.load(CliCommands.class))
            contributed.commands().forEach(cl::addSubcommand);
        withHelp(cl);
        return cl;
    }

    /** Done on the tree rather than on each annotation, so a command added later cannot forget it. */
    private static void withHelp(CommandLine cl) {
        if (cl.getCommandSpec().findOption("--help") == null)
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        cl.getSubcommands().values().forEach(PramaanCli::withHelp);
    }

    /** Marker for commands constructed with the runtime. */
    interface RuntimeAware {}

    /** Opens the runtime only when a command needs it. */
    static final class LazyRuntime implements AutoCloseable {
        private final Supplier<CliRuntime> factory;
        private CliRuntime runtime;

        LazyRuntime(Supplier<CliRuntime> factory) {
            this.factory = factory;
        }

        synchronized CliRuntime get() {
            if (runtime == null) runtime = factory.get();
            return runtime;
        }

        @Override
        public synchronized void close() {
            if (runtime != null) runtime.close();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = PramaanCli.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {
                "pramaan " + p.getProperty("version", "unknown"), "Java " + System.getProperty("java.version")
            };
        }
    }
}
