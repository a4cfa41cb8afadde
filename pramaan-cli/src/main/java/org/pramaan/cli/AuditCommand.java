package org.pramaan.cli;

import java.util.concurrent.Callable;
import org.pramaan.audit.AuditVerification;
import picocli.CommandLine.Command;

@Command(
        name = "audit",
        description = "The hash-chained audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.VerifyBundle.class})
final class AuditCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "verify-bundle",
            description =
                    "Check an evidence bundle offline: file digests, entry hashes and chain links. Needs no data directory.")
    static final class VerifyBundle implements Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "FILE")
        java.nio.file.Path file;

        @picocli.CommandLine.Option(
                names = "--checkpoint-key",
                paramLabel = "BASE64",
                description =
                        "the operator's published audit checkpoint public key; checkpoints signed by any other key fail")
        String checkpointKey;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            org.pramaan.audit.BundleVerifier.Result r = org.pramaan.audit.BundleVerifier.verify(
                    java.nio.file.Files.readAllBytes(file), java.util.Optional.ofNullable(checkpointKey));
            if (r.valid()) {
                spec.commandLine()
                        .getOut()
                        .println("OK: bundle for case " + r.caseId() + ": files match the manifest; " + r.auditEntries()
                                + " audit entries verified in an unbroken chain (" + r.redactedEntries()
                                + " unrelated entries redacted)"
                                + (r.checkpointKeyFingerprint().isEmpty()
                                        ? "; no signed checkpoints"
                                        : "; " + r.checkpointsVerified() + " signed checkpoints match, key fingerprint "
                                                + r.checkpointKeyFingerprint()
                                                + (checkpointKey == null
                                                        ? " (compare it with the operator's published key)"
                                                        : " (the trusted key)")));
                return 0;
            }
            spec.commandLine().getOut().println("FAILED: " + String.join("; ", r.problems()));
            return 1;
        }
    }

    @Command(
            name = "verify",
            description =
                    "Check every entry's hash and link, the recorded head and every signed checkpoint; exit 1 naming the first bad entry.")
    static final class Verify implements Callable<Integer>, PramaanCli.RuntimeAware {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Verify(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() {
            AuditVerification v = runtime.get().audit().verify();
            java.io.PrintWriter out = spec.commandLine().getOut();
            if (v.valid()) {
                out.println("OK: " + v.problem());
            } else {
                out.println(
                        "FAILED at entry " + v.badSeq().map(Object::toString).orElse("?") + ": " + v.problem());
            }
            // Restored triggers and unanchored entries do not fail the check but must not go unseen.
            for (String w : v.warnings()) out.println("WARNING: " + w);
            return v.valid() ? 0 : 1;
        }
    }
}
