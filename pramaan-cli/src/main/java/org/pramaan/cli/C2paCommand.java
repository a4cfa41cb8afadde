package org.pramaan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pramaan.media.MediaSource;
import org.pramaan.provenance.c2pa.C2paOutcome;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.provenance.c2pa.TrustSettings;
import org.pramaan.provenance.c2pa.ValidationState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "c2pa",
        description = "C2PA Content Credentials: print the manifest store JSON (reference SDK shape), verify, sign.",
        subcommands = {C2paCommand.Read.class, C2paCommand.Verify.class, C2paSignCommand.class})
final class C2paCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    abstract static class Base implements Callable<Integer>, PramaanCli.RuntimeAware {
        /** Certificate validity is judged at the runtime's clock (C2PA 2.2 §14.5), the same one the server uses. */
        final PramaanCli.LazyRuntime runtime;

        Base(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Parameters(index = "0", paramLabel = "FILE", description = "media file, or a .c2pa sidecar store")
        Path file;

        @Option(
                names = "--asset",
                paramLabel = "FILE",
                description = "the asset a sidecar .c2pa store binds to (hard binding checked against it)")
        Path asset;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        TrustSettings trust() throws IOException {
            return TrustSettings.none(runtime.get().clock());
        }

        /** Exit code for a result; {@code read} always 0 once something was printed. */
        abstract int exit(C2paOutcome o);

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("no such file: " + file);
                return 2;
            }
            C2paReader reader = new C2paReader(trust());
            C2paOutcome o;
            if (asset != null) {
                try (MediaSource a = MediaSource.open(asset)) {
                    o = reader.readStore(Files.readAllBytes(file), Optional.of(a));
                }
            } else {
                o = reader.read(file);
            }
            out.println(render(o));
            return exit(o);
        }

        static String render(C2paOutcome o) throws IOException {
            ObjectMapper m = new ObjectMapper();
            ObjectNode n = m.createObjectNode();
            switch (o) {
                case C2paOutcome.Read r -> {
                    return r.report().json();
                }
                case C2paOutcome.NoManifest x -> n.put("outcome", "no_manifest").put("format", x.format());
                case C2paOutcome.RemoteReference x ->
                    // The reference reader (c2pa-rs, fetching off) rejects with RemoteManifestUrl(<url>) and this
                    // message.
                    n.put("outcome", "remote_manifest")
                            .put("url", x.url())
                            .put("fetched", false)
                            .put("error_name", "manifest.remote")
                            .put("error", "must fetch remote manifests from url " + x.url());
                case C2paOutcome.Unreadable x ->
                    n.put("outcome", "error").put("error_name", x.code()).put("error", x.message());
            }
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        }
    }

    @Command(name = "read", description = "Print the manifest store JSON with validation results (no trust anchors).")
    static final class Read extends Base {
        Read(PramaanCli.LazyRuntime runtime) {
            super(runtime);
        }

        @Override
        int exit(C2paOutcome o) {
            // A remote-only reference is the reference reader's RemoteManifestUrl error: exit 1, as unreadable.
            return o instanceof C2paOutcome.Unreadable || o instanceof C2paOutcome.RemoteReference ? 1 : 0;
        }
    }

    @Command(
            name = "verify",
            description =
                    "Validate; exit 0 when Valid or Trusted, 1 when Invalid, unreadable or only a remote manifest is referenced (never fetched), 3 when there is no manifest.")
    static final class Verify extends Base {
        Verify(PramaanCli.LazyRuntime runtime) {
            super(runtime);
        }

        @Option(
                names = "--trust",
                paramLabel = "PEM",
                description = "trust anchors (PEM bundle) for signingCredential.trusted")
        Path trustPem;

        @Option(
                names = "--trust-config",
                paramLabel = "CFG",
                description = "accepted EKU OIDs, one per line (store.cfg); default: C2PA 2.2 §14.4.1 list")
        Path trustConfig;

        @Override
        TrustSettings trust() throws IOException {
            if (trustPem == null) return super.trust();
            return TrustSettings.fromPem(
                    Files.readString(trustPem),
                    trustConfig == null ? "" : Files.readString(trustConfig),
                    runtime.get().clock());
        }

        @Override
        int exit(C2paOutcome o) {
            return switch (o) {
                case C2paOutcome.Read r -> r.report().state() == ValidationState.INVALID ? 1 : 0;
                case C2paOutcome.Unreadable u -> 1;
                case C2paOutcome.RemoteReference x -> 1; // the reference's RemoteManifestUrl error; never fetched
                case C2paOutcome.NoManifest x -> 3;
            };
        }
    }
}
