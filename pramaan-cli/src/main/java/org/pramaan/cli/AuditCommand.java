package org.pramaan.cli;

import java.util.concurrent.Callable;
import org.pramaan.audit.AuditVerification;
import picocli.CommandLine.Command;

@Command(name = "audit", description = "The hash-chained audit log.", subcommands = {AuditCommand.Verify.class, AuditCommand.VerifyBundle.class})
final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    @Command(name = "verify-bundle", description = "Check an evidence bundle offline: file digests, entry hashes and chain links. Needs no data directory.")
    static final class VerifyBundle implements Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "FILE") java.nio.file.Path file;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            org.pramaan.audit.BundleVerifier.Result r = org.pramaan.audit.BundleVerifier.verify(java.nio.file.Files.readAllBytes(file));
            if (r.valid()) {
                spec.commandLine().getOut().println("OK: bundle for case " + r.caseId() + ": files match the manifest; " + r.auditEntries()
                        + " audit entries verified in an unbroken chain (" + r.redactedEntries() + " unrelated entries redacted)");
                return 0;
            }
            spec.commandLine().getOut().println("FAILED: " + String.join("; ", r.problems()));
            return 1;
        }
    }

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
