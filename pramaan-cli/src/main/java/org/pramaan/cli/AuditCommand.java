package org.pramaan.cli;

import java.util.concurrent.Callable;
import org.pramaan.audit.AuditVerification;
import picocli.CommandLine.Command;

@Command(name = "audit", description = "The hash-chained audit log.", subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    @Command(name = "verify", description = "Check every entry's hash and link; exit 1 naming the first bad entry.")
    static final class Verify implements Callable<Integer>, PramaanCli.RuntimeAware {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Verify(PramaanCli.LazyRuntime runtime) { this.runtime = runtime; }

        @Override
        public Integer call() {
            AuditVerification v = runtime.get().audit().verify();
            if (v.valid()) {
                spec.commandLine().getOut().println("OK: " + v.problem());
                return 0;
            }
            spec.commandLine().getOut().println("FAILED at entry " + v.badSeq().map(Object::toString).orElse("?") + ": " + v.problem());
            return 1;
        }
    }
}
