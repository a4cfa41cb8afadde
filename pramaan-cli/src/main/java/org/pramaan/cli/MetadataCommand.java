package org.pramaan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pramaan.json.Json;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.provenance.Aigc;
import org.pramaan.provenance.c2pa.C2paSigner;
import org.pramaan.provenance.c2pa.ManifestRequest;
import org.pramaan.signals.Signal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "metadata",
        mixinStandardHelpOptions = true,
        description = "Implicit labels in file metadata: IPTC DigitalSourceType, GB 45438 AIGC, generator traces.",
        subcommands = {MetadataCommand.Read.class, MetadataCommand.Write.class, MetadataCommand.Propagate.class})
final class MetadataCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "read",
            mixinStandardHelpOptions = true,
            description =
                    "Print each file's DigitalSourceType, AIGC label fields and generator traces (traces are low trust). Exit 1 if any file failed.")
    static final class Read implements Callable<Integer> {
        @Option(names = "--json", description = "one JSON object per file, one per line")
        boolean json;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            int failed = 0;
            for (Path f : files) {
                Map<String, Object> r = read(f);
                if (r.containsKey("error")) failed++;
                out.println(json ? Json.write(r) : MetadataText.render(r));
            }
            return failed == 0 ? 0 : 1;
        }

        static Map<String, Object> read(Path f) throws IOException {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.toString());
            if (!Files.isRegularFile(f)) {
                m.put("error", Map.of("code", "file.not_found", "message", "no such file: " + f));
                return m;
            }
            try {
                MetadataLabels.Found found = MetadataLabels.read(Files.readAllBytes(f));
                m.put("format", found.format());
                m.put("digitalSourceType", view(found.digitalSourceTypes()));
                m.put("aigc", view(found.aigc()));
                m.put("generatorTraces", view(found.generatorTraces()));
            } catch (MediaRejectedException e) {
                m.put("error", Map.of("code", e.code().toString(), "message", e.getMessage()));
            }
            return m;
        }

        private static List<Map<String, Object>> view(List<Signal> signals) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Signal s : signals) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("type", s.type().name());
                v.put("value", s.value());
                v.put("strength", s.strength().name());
                v.put("location", s.location());
                v.put("attributes", new java.util.TreeMap<>(s.attributes()));
                out.add(v);
            }
            return out;
        }
    }

    /**
     * Shared by write and propagate: read IN whole, write OUT through a temporary file so a failure never leaves half a file.
     * Metadata lives inside the bytes a C2PA hard binding covers (C2PA 2.2 §18.5: only the store itself is
     * excluded), so writing into a signed file breaks its signature: say so, or re-sign with {@code --resign}.
     */
    abstract static class Rewrite implements Callable<Integer>, PramaanCli.RuntimeAware {
        private final PramaanCli.LazyRuntime runtime;

        Rewrite(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Parameters(index = "0", paramLabel = "IN")
        Path in;

        @Parameters(index = "1", paramLabel = "OUT")
        Path out;

        @Option(
                names = "--resign",
                description = "IN carries a C2PA manifest: re-sign OUT with the configured key (c2pa.signing-key),"
                        + " keeping IN's manifest as the parent ingredient (c2pa.opened, c2pa.edited)")
        boolean resign;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        abstract byte[] rewrite(byte[] file) throws IOException;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(in)) throw new IllegalArgumentException("no such file: " + in);
            byte[] original = Files.readAllBytes(in);
            byte[] result = rewrite(original);
            boolean signed = C2paSigner.carriesManifest(original);
            if (resign) {
                if (!signed) throw new IllegalArgumentException("--resign: " + in + " carries no C2PA manifest");
                result = resign(original, result);
            } else if (signed) {
                spec.commandLine()
                        .getErr()
                        .println(
                                "warning: " + in + " carries a C2PA manifest; the metadata written changes bytes its"
                                        + " hard binding covers, so the C2PA signature in " + out
                                        + " will no longer validate"
                                        + " (assertion.dataHash.mismatch). Use --resign to re-sign it with the configured key.");
            }
            AtomicWrite.write(out, result);
            spec.commandLine().getOut().println("wrote " + out + " (" + result.length + " bytes)");
            return 0;
        }

        /** The original signed file is the parent (its manifest still validates); the written bytes are the edit. */
        private byte[] resign(byte[] original, byte[] written) throws IOException {
            C2paSigner signer = runtime.get()
                    .signer()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--resign needs a signing key: set c2pa.signing-key and c2pa.signing-chain"
                                    + " (and c2pa.signing-alg)"));
            ManifestRequest req = ManifestRequest.edited("Pramaan metadata " + spec.name())
                    .withTitle(out.getFileName().toString())
                    .withIngredient(new ManifestRequest.Ingredient(
                            original, in.getFileName().toString(), ManifestRequest.Relationship.PARENT_OF))
                    .replacingExisting();
            return signer.sign(written, req, C2paSigner.Placement.EMBEDDED).asset();
        }
    }

    @Command(
            name = "write",
            mixinStandardHelpOptions = true,
            description =
                    "Write a DigitalSourceType and/or a GB 45438 AIGC label into IN, saving OUT. Pixels and samples are copied, never re-encoded.")
    static final class Write extends Rewrite {
        Write(PramaanCli.LazyRuntime runtime) {
            super(runtime);
        }

        @Option(
                names = "--source-type",
                paramLabel = "NAME|URI",
                description =
                        "IPTC digital source type, e.g. trainedAlgorithmicMedia or its NewsCodes URI (JPEG, PNG, MP4)")
        String sourceType;

        @Option(
                names = "--aigc-label",
                paramLabel = "1|2|3",
                description = "GB 45438 Label: 1 generated, 2 possibly, 3 suspected")
        String label;

        @Option(
                names = "--producer",
                paramLabel = "X",
                description = "ContentProducer: generation service name or code")
        String producer;

        @Option(
                names = "--produce-id",
                paramLabel = "Y",
                description = "ProduceID: the producer's unique content number")
        String produceId;

        @Option(
                names = "--reserved-code1",
                paramLabel = "Z",
                description = "ReservedCode1: producer integrity data",
                defaultValue = "")
        String reserved1;

        @Override
        byte[] rewrite(byte[] file) throws IOException {
            if (label == null && (producer != null || produceId != null))
                throw new IllegalArgumentException("--producer/--produce-id need --aigc-label");
            Optional<Aigc> aigc = label == null
                    ? Optional.empty()
                    : Optional.of(new Aigc(
                            label,
                            producer == null ? "" : producer,
                            produceId == null ? "" : produceId,
                            reserved1,
                            "",
                            "",
                            ""));
            return MetadataWriter.write(file, Optional.ofNullable(sourceType), aigc);
        }
    }

    @Command(
            name = "propagate",
            mixinStandardHelpOptions = true,
            description =
                    "As a distribution platform, add ContentPropagator/PropagateID to IN's AIGC label (producer fields untouched), saving OUT.")
    static final class Propagate extends Rewrite {
        Propagate(PramaanCli.LazyRuntime runtime) {
            super(runtime);
        }

        @Option(
                names = "--propagator",
                required = true,
                paramLabel = "X",
                description = "ContentPropagator: platform name or code")
        String propagator;

        @Option(
                names = "--propagate-id",
                required = true,
                paramLabel = "Y",
                description = "PropagateID: the platform's unique content number")
        String propagateId;

        @Option(
                names = "--reserved-code2",
                paramLabel = "Z",
                defaultValue = "",
                description = "ReservedCode2: platform integrity data")
        String reserved2;

        @Option(
                names = "--label-if-absent",
                paramLabel = "1|2|3",
                defaultValue = "3",
                description =
                        "Label for content that has none (default ${DEFAULT-VALUE}: suspected; 2 when the uploader declared it)")
        String labelIfAbsent;

        @Override
        byte[] rewrite(byte[] file) throws IOException {
            return MetadataWriter.propagate(file, propagator, propagateId, reserved2, labelIfAbsent);
        }
    }
}
