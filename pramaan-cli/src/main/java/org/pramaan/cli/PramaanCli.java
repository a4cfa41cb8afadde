package org.pramaan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code pramaan [command]}. */
@Command(
        name = "pramaan",
        mixinStandardHelpOptions = true,
        versionProvider = PramaanCli.Version.class,
        description = "Deepfake compliance: screen media, run notices on statutory clocks, verify the audit log.")
public final class PramaanCli implements Runnable {
    /**
     * The top-level commands, in the order {@code pramaan --help} lists them. Kept here rather than in
     * {@code @Command(subcommands = …)}, which makes picocli reflect over the whole tree on every run: see
     * {@link #commandLine(LazyRuntime, String...)}.
     */
    static final List<Class<?>> COMMANDS = List.of(
            ScanCommand.class,
            HashCommand.class,
            C2paCommand.class,
            MetadataCommand.class,
            LabelCommand.class,
            MatchCommand.class,
            BankCommand.class,
            CasesCommand.class,
            DeliveriesCommand.class,
            GenerateCommand.class,
            ServeCommand.class,
            KeysCommand.class,
            AuditCommand.class,
            ReportCommand.class,
            BackscanCommand.class,
            CommandLine.HelpCommand.class);

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
            OptionalInt fast = FastPath.run(lazy, out, err, args);
            if (fast.isPresent()) return fast.getAsInt();
            CommandLine cl = commandLine(lazy, args);
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

    /** The whole command tree; every command, nested ones included, answers {@code --help} and {@code --version}. */
    static CommandLine commandLine(LazyRuntime lazy) {
        return build(lazy, Optional.empty());
    }

    /**
     * The tree that {@code args} can reach. Picocli builds each command's model by reflecting over its
     * annotated class and instantiating it, which was most of the JVM's work for a one-file
     * {@code pramaan c2pa verify} (issue 18, CLI start): a run that names a top-level command gets that
     * command's subtree only, and a bare {@code --version} none. A command's parsing, usage and errors
     * depend on its own subtree and its ancestors' options only, so output and exit codes are those of
     * the whole tree; anything else (no arguments, {@code --help}, {@code help}, an unknown name, which
     * picocli answers by listing the commands) gets the whole tree.
     */
    static CommandLine commandLine(LazyRuntime lazy, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V")))
            return build(lazy, Optional.of(List.of()));
        if (args.length == 0 || args[0].equals("help")) return build(lazy, Optional.empty());
        for (Class<?> c : COMMANDS) if (named(c, args[0])) return build(lazy, Optional.of(List.of(c)));
        for (Class<?> c : contributed()) if (named(c, args[0])) return build(lazy, Optional.of(List.of(c)));
        return build(lazy, Optional.empty());
    }

    /** Whether {@code name} is the command's name or one of its aliases (picocli matches them exactly by default). */
    private static boolean named(Class<?> command, String name) {
        Command c = command.getAnnotation(Command.class);
        return c != null && (c.name().equals(name) || List.of(c.aliases()).contains(name));
    }

    /** pramaan bench … and any other command a module on the classpath contributes (see CliCommands). */
    private static List<Class<?>> contributed() {
        List<Class<?>> out = new ArrayList<>();
        for (CliCommands c : ServiceLoader.load(CliCommands.class)) out.addAll(c.commands());
        return out;
    }

    /** {@code only}: the top-level commands to add; empty for all, built-in and contributed. */
    private static CommandLine build(LazyRuntime lazy, Optional<List<Class<?>>> only) {
        CommandLine cl = new CommandLine(new PramaanCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (RuntimeAware.class.isAssignableFrom(cls))
                    return cls.getDeclaredConstructor(LazyRuntime.class).newInstance(lazy);
                return CommandLine.defaultFactory().create(cls);
            }
        });
        if (only.isPresent()) {
            only.get().forEach(cl::addSubcommand);
        } else {
            COMMANDS.forEach(cl::addSubcommand);
            contributed().forEach(cl::addSubcommand);
        }
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
