package org.pramaan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pramaan.provenance.c2pa.C2paSigner;
import org.pramaan.provenance.c2pa.ManifestRequest;
import org.pramaan.provenance.c2pa.SigningAlgorithm;
import org.pramaan.provenance.c2pa.SigningKey;
import org.pramaan.provenance.c2pa.TrustSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pramaan c2pa sign}: adds a C2PA 2.x manifest (claim v2, c2pa.created with the IPTC digital
 * source type) to a JPEG, PNG, WebP, WAV, MP3 or MP4, embedded or as a {@code .c2pa} sidecar.
 */
@Command(
        name = "sign",
        description =
                "Sign a file with a new C2PA manifest (c2pa.created + digital source type); no timestamp (offline).")
final class C2paSignCommand implements Callable<Integer>, PramaanCli.RuntimeAware {
    /** The signer's certificate validity is checked at the runtime's clock, as the server's signer does. */
    private final PramaanCli.LazyRuntime runtime;

    C2paSignCommand(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Option(
            names = "--key",
            required = true,
            paramLabel = "PEM",
            description = "private key (PKCS#8 or SEC1/PKCS#1 PEM)")
    Path key;

    @Option(
            names = "--chain",
            required = true,
            paramLabel = "PEM",
            description = "certificate chain, signer first (PEM)")
    Path chain;

    @Option(
            names = "--alg",
            defaultValue = "es256",
            description = "es256 es384 es512 ps256 ps384 ps512 ed25519 (default: ${DEFAULT-VALUE})")
    String alg;

    @Option(
            names = "--source-type",
            required = true,
            paramLabel = "TYPE",
            description =
                    "IPTC digital source type: short name (trainedAlgorithmicMedia, digitalCapture, …) or full URI")
    String sourceType;

    @Option(
            names = "--software-agent",
            defaultValue = "Pramaan",
            paramLabel = "NAME",
            description = "the tool that made the content (default: ${DEFAULT-VALUE})")
    String softwareAgent;

    @Option(
            names = "--sidecar",
            description =
                    "write the manifest store beside OUT as <name>.c2pa (or to OUT itself when it ends in .c2pa) and leave the media unchanged")
    boolean sidecar;

    @Option(
            names = "--ingredient",
            paramLabel = "FILE",
            description = "the asset this one was made from; its manifests are carried along")
    Path ingredient;

    @Option(
            names = "--component",
            description = "the ingredient is a component (componentOf), not the parent (parentOf)")
    boolean component;

    @Option(
            names = "--replace",
            description =
                    "drop a C2PA manifest IN already carries; by default it is kept as the parent ingredient (c2pa.opened)")
    boolean replace;

    @Parameters(index = "0", paramLabel = "IN")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try {
            for (Path p : new Path[] {key, chain, in, ingredient}) {
                if (p != null && !Files.isRegularFile(p)) throw new IllegalArgumentException("no such file: " + p);
            }
            SigningKey k =
                    SigningKey.fromPem(Files.readString(key), Files.readString(chain), SigningAlgorithm.parse(alg));
            ManifestRequest req = ManifestRequest.created(sourceType, softwareAgent)
                    .withTitle(out.getFileName().toString());
            if (replace) req = req.replacingExisting();
            if (ingredient != null) {
                req = req.withIngredient(new ManifestRequest.Ingredient(
                        Files.readAllBytes(ingredient),
                        ingredient.getFileName().toString(),
                        component
                                ? ManifestRequest.Relationship.COMPONENT_OF
                                : ManifestRequest.Relationship.PARENT_OF));
            }
            C2paSigner signer =
                    new C2paSigner(k, TrustSettings.none(runtime.get().clock()), "Pramaan", version());
            C2paSigner.Signed s = signer.sign(
                    Files.readAllBytes(in),
                    req,
                    sidecar ? C2paSigner.Placement.SIDECAR : C2paSigner.Placement.EMBEDDED);
            write(s);
            spec.commandLine().getOut().println("signed " + s.format() + " as " + s.manifestLabel() + " -> " + out);
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("pramaan c2pa sign: " + e.getMessage());
            return 2;
        }
    }

    private void write(C2paSigner.Signed s) throws java.io.IOException {
        if (!sidecar) {
            AtomicWrite.write(out, s.asset());
        } else if (out.getFileName().toString().endsWith(".c2pa")) {
            AtomicWrite.write(out, s.manifestStore());
        } else {
            // §11.5: a sidecar sits beside the asset with the same base name; C2paReader looks there.
            String name = out.getFileName().toString();
            int dot = name.lastIndexOf('.');
            AtomicWrite.write(out, s.asset());
            AtomicWrite.write(
                    out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".c2pa"), s.manifestStore());
        }
    }

    static String version() {
        String v = C2paSignCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
