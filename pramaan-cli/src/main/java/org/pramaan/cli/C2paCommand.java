package org.pramaan.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

        @Parameters(
                arity = "1..*",
                paramLabel = "PATH",
                description =
                        "media files, .c2pa sidecar stores, or folders (walked recursively in sorted order; links to folders are not followed)")
        List<Path> paths;

        @Option(
                names = "--asset",
                paramLabel = "FILE",
                description =
                        "the asset a sidecar .c2pa store binds to (hard binding checked against it); one FILE only")
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
            // One file named alone keeps the pretty-printed output and exit code it always had, so existing
            // scripts keep working; a folder or several paths switch to JSON Lines (see manyFiles).
            if (paths.size() == 1 && !Files.isDirectory(paths.get(0))) return oneFile(paths.get(0));
            if (asset != null) {
                spec.commandLine()
                        .getErr()
                        .println("--asset names the asset of one sidecar store: give exactly one FILE with it");
                return 2;
            }
            return manyFiles(FileWalk.expand(paths));
        }

        private int oneFile(Path file) throws IOException {
            return oneFile(
                    file,
                    Optional.ofNullable(asset),
                    this,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }

        /**
         * One file named alone: its JSON pretty-printed, and the command's exit code for it. Shared with
         * {@link FastPath}, which calls it without picocli for {@code c2pa verify FILE}.
         */
        static int oneFile(Path file, Optional<Path> asset, Base command, PrintWriter out, PrintWriter err)
                throws IOException {
            if (!Files.isRegularFile(file)) {
                err.println("no such file: " + file);
                return 2;
            }
            C2paReader reader = new C2paReader(command.trust());
            C2paOutcome o;
            if (asset.isPresent()) {
                try (MediaSource a = MediaSource.open(asset.get())) {
                    o = reader.readStore(Files.readAllBytes(file), Optional.of(a));
                }
            } else {
                o = reader.read(file);
            }
            out.println(render(o));
            return command.exit(o);
        }

        /**
         * JSON Lines (RFC 8259 texts, one per line): each line is the object a one-file run prints, compacted,
         * with the path first as {@code file}. Files are read one at a time with one reader, so memory does
         * not grow with the number of files. A file that cannot be read gets an error line and the run goes on.
         * A file found inside a folder whose format carries no C2PA ({@code asset.unsupported}: sidecar JSON,
         * READMEs) is printed with {@code "skipped": true} and left out of the exit code, as {@code scan}
         * skips files that are not media; named on the command line, it counts.
         */
        private int manyFiles(List<FileWalk.Entry> files) throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            C2paReader reader = new C2paReader(trust());
            int exit = 0;
            for (FileWalk.Entry e : files) {
                ObjectNode line = LINES.createObjectNode().put("file", e.path().toString());
                int code;
                if (e.failure().isPresent()) {
                    code = error(line, "file.unreadable", e.failure().get());
                } else if (!Files.isRegularFile(e.path())) {
                    code = error(line, "file.not_found", "no such file: " + e.path());
                } else {
                    try {
                        C2paOutcome o = reader.read(e.path());
                        line.setAll((ObjectNode) LINES.readTree(render(o)));
                        code = exit(o);
                        if (e.walked()
                                && o instanceof C2paOutcome.Unreadable u
                                && u.code().equals("asset.unsupported")) {
                            line.put("skipped", true);
                            code = 0;
                        }
                    } catch (IOException x) {
                        code = error(line, "file.unreadable", "cannot read " + e.path() + ": " + FileWalk.reason(x));
                    }
                }
                out.println(LINES.writeValueAsString(line));
                // Each line reaches a pipe as soon as its file is done, not when the buffer fills.
                out.flush();
                exit = worse(exit, code);
            }
            return exit;
        }

        private static int error(ObjectNode line, String code, String message) {
            line.put("outcome", "error").put("error_name", code).put("error", message);
            return 1;
        }

        /** 1 (failed or error) outranks 3 (no manifest), which outranks 0 (verified / read). */
        static int worse(int a, int b) {
            if (a == 1 || b == 1) return 1;
            return Math.max(a, b);
        }

        /** Exact decimals, so re-writing a report as a line changes no number's digits. */
        private static final ObjectMapper LINES = new ObjectMapper()
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

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

    @Command(
            name = "read",
            description = {
                "Print the manifest store JSON with validation results (no trust anchors).",
                "One FILE: its JSON, pretty-printed. Several paths or a folder: JSON Lines, one"
                        + " object per file with its path as \"file\" and the same content (files found in folders"
                        + " in a format with no C2PA are marked \"skipped\": true).",
                "Exit: 0 when every file was read (with or without a manifest), 1 when any could not be read or only"
                        + " referenced a remote manifest."
            })
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
            description = {
                "Validate; exit 0 when Valid or Trusted, 1 when Invalid, unreadable or only a remote manifest is"
                        + " referenced (never fetched), 3 when there is no manifest.",
                "One FILE: its JSON, pretty-printed. Several paths or a folder: JSON Lines, one"
                        + " object per file with its path as \"file\" and the same content (files found in folders"
                        + " in a format with no C2PA are marked \"skipped\": true and do not count).",
                "Exit over many files: 1 when any failed, could not be read or only referenced a remote manifest;"
                        + " else 3 when any had no manifest; else 0 (all Valid or Trusted)."
            })
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
