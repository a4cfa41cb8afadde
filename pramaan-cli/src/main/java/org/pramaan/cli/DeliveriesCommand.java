package org.pramaan.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.pramaan.json.Json;
import org.pramaan.notify.DeliveriesSection;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "deliveries",
        description = "The notification outbox: webhooks, e-mails and Transparency Database submissions.",
        subcommands = {DeliveriesCommand.ListDeliveries.class, DeliveriesCommand.Retry.class})
final class DeliveriesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "Messages in a state, newest first (default: the dead-letter list).")
    static final class ListDeliveries implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Option(names = "--state", defaultValue = "dead", description = "dead, pending or delivered")
        String state;

        @Option(names = "--limit", defaultValue = "100")
        int limit;

        @Option(names = "--json", description = "one JSON object per message")
        boolean json;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        ListDeliveries(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() {
            DeliveryState s;
            try {
                s = DeliveryState.valueOf(state.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--state must be dead, pending or delivered, got '" + state + "'");
            }
            var found = runtime.get().deliveries().withState(s, limit);
            for (Delivery d : found) {
                if (json) spec.commandLine().getOut().println(Json.write(DeliveriesSection.view(d)));
                else
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "%-16s %-28s %-3d %s  %s%n",
                                    d.channel(),
                                    d.kind(),
                                    d.attempts(),
                                    d.id(),
                                    d.lastError().orElse(""));
            }
            if (!json) spec.commandLine().getErr().println(found.size() + " " + state + " message(s)");
            return 0;
        }
    }

    @Command(name = "retry", description = "Send a dead letter again; the running server delivers it on its next pass.")
    static final class Retry implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Parameters(paramLabel = "ID")
        String id;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Retry(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() {
            Delivery d = runtime.get().dispatcher().retry(id, BankCommand.actor());
            spec.commandLine().getOut().println("requeued " + d.id());
            return 0;
        }
    }
}
