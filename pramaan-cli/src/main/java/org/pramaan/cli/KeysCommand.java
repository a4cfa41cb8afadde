package org.pramaan.cli;

import java.util.concurrent.Callable;
import org.pramaan.access.ApiKeys;
import org.pramaan.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "keys", description = "API keys.", subcommands = KeysCommand.Create.class)
final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", description = "Issue a key; it is printed once and stored only as a digest.")
    static final class Create implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Option(names = "--role", required = true, description = "admin, reviewer or ingest")
        String role;

        @Option(names = "--label", defaultValue = "cli", description = "who or what the key is for")
        String label;

        @Option(
                names = "--trusted-flagger",
                description =
                        "notices sent with this key come from a DSA art.22 trusted flagger (prioritised; named in statements of reasons)")
        boolean trustedFlagger;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Create(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() {
            Role r;
            try {
                r = Role.parse(role);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 2;
            }
            ApiKeys.IssuedKey k = runtime.get().keys().create(r, label, trustedFlagger);
            spec.commandLine().getOut().println(k.secret());
            spec.commandLine()
                    .getErr()
                    .println("created " + r.wireName() + (trustedFlagger ? " trusted-flagger" : "") + " key "
                            + k.key().id() + " (" + label + "); it will not be shown again");
            return 0;
        }
    }
}
