package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testing.C2paPeer;
import org.pramaan.testing.SharedTestData;

/**
 * Signing a file that is already signed (issue 18): in every format Pramaan signs, the old active
 * manifest must survive as the {@code parentOf} ingredient opened with {@code c2pa.opened} (C2PA 2.2
 * §18.7, §18.14.4), its manifest kept in the store, and the reference SDK must read the result as
 * Trusted (test anchors) without failures; ours must judge it alike. {@code replacingExisting} drops
 * it, as before. A parent signed by the reference is kept the same way.
 */
@ExtendWith(C2paPeer.Resolver.class)
class C2paResignInteropTest {
    static final List<String> FORMATS = List.of("jpg", "png", "webp", "wav", "mp3", "mp4");
    private static final String DST = SignedInterop.IPTC + "trainedAlgorithmicMedia";

    @Test
    void reSigningKeepsTheOldManifestAsParentInEveryFormat(C2paPeer peer, @TempDir Path tmp) throws Exception {
        Path root = SharedTestData.folder("c2pa");
        InteropTrust trust = InteropTrust.testAnchors(root);
        C2paSigner signer = signer(root, "es256");
        List<String> problems = new ArrayList<>();
        for (String ext : FORMATS) {
            Path dir = Files.createDirectories(tmp.resolve(ext));
            byte[] unsigned = Files.readAllBytes(InteropMedia.make(ext, dir));
            C2paSigner.Signed first = signer.sign(unsigned, request(), C2paSigner.Placement.EMBEDDED);
            C2paSigner.Signed second = signer.sign(first.asset(), request(), C2paSigner.Placement.EMBEDDED);
            Path resigned = Files.write(dir.resolve("resigned." + ext), second.asset());
            problems.addAll(keptAsParent(ext, peer, trust, resigned, first.manifestLabel()));

            C2paSigner.Signed replaced =
                    signer.sign(first.asset(), request().replacingExisting(), C2paSigner.Placement.EMBEDDED);
            JsonNode r = store(peer.read(Files.write(dir.resolve("replaced." + ext), replaced.asset())));
            if (r.path("manifests").size() != 1 || r.path("manifests").has(first.manifestLabel()))
                problems.add(ext + " replaced: peer still sees the old manifest: "
                        + r.path("manifests").size());
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aParentSignedByTheReferenceIsKept(C2paPeer peer, @TempDir Path tmp) throws Exception {
        Path root = SharedTestData.folder("c2pa");
        Path unsigned = InteropMedia.make("jpg", Files.createDirectories(tmp.resolve("in")));
        SignedInterop.SignedFile byPeer = new C2paPeerTamperTest.PeerSigner(peer, root)
                .sign(unsigned, SignedInterop.Format.embedded("jpg"), "es256", DST, "parent.jpg", tmp.resolve("p"));
        String parentLabel =
                store(peer.read(byPeer.asset())).path("active_manifest").asText();
        byte[] resigned = signer(root, "ps256")
                .sign(Files.readAllBytes(byPeer.asset()), request(), C2paSigner.Placement.EMBEDDED)
                .asset();
        Path out = Files.write(tmp.resolve("resigned.jpg"), resigned);
        assertThat(keptAsParent("jpg (reference parent)", peer, InteropTrust.testAnchors(root), out, parentLabel))
                .isEmpty();
    }

    @Test
    void anExplicitIngredientOnASignedFileIsRefusedUnlessReplacing(@TempDir Path tmp) throws Exception {
        Path root = SharedTestData.folder("c2pa");
        C2paSigner signer = signer(root, "es256");
        byte[] unsigned = Files.readAllBytes(InteropMedia.make("png", tmp));
        byte[] signed =
                signer.sign(unsigned, request(), C2paSigner.Placement.EMBEDDED).asset();
        ManifestRequest withIngredient = request()
                .withIngredient(new ManifestRequest.Ingredient(
                        unsigned, "other.png", ManifestRequest.Relationship.COMPONENT_OF));
        assertThatThrownBy(() -> signer.sign(signed, withIngredient, C2paSigner.Placement.EMBEDDED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already carries a C2PA manifest");
        assertThat(signer.sign(signed, withIngredient.replacingExisting(), C2paSigner.Placement.EMBEDDED)
                        .manifestLabel())
                .startsWith("urn:c2pa:");
        assertThatThrownBy(() -> signer.sign(unsigned, ManifestRequest.edited("x"), C2paSigner.Placement.EMBEDDED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no C2PA manifest to edit");
    }

    /** What is wrong with {@code file} as a re-signed child of {@code parentLabel}, per the peer and per us. */
    static List<String> keptAsParent(String name, C2paPeer peer, InteropTrust trust, Path file, String parentLabel)
            throws java.io.IOException {
        List<String> problems = new ArrayList<>();
        C2paPeer.Result raw = peer.read(file, trust.anchorsPem(), trust.storeCfg());
        JsonNode j = store(raw);
        JsonNode active = j.path("manifests").path(j.path("active_manifest").asText());
        JsonNode results = j.path("validation_results").path("activeManifest");
        if (!j.path("validation_state").asText().equals("Trusted"))
            problems.add(name + ": peer says " + j.path("validation_state") + " " + results.path("failure"));
        if (!results.path("failure").isEmpty()) problems.add(name + ": peer failures " + results.path("failure"));
        if (!j.path("manifests").has(parentLabel))
            problems.add(name + ": the parent manifest " + parentLabel + " is not in the store");
        JsonNode ing = active.path("ingredients");
        if (ing.size() != 1
                || !ing.path(0).path("relationship").asText().equals("parentOf")
                || !ing.path(0).path("active_manifest").asText().equals(parentLabel))
            problems.add(name + ": peer's ingredients " + ing);
        String firstAction = "";
        for (JsonNode a : active.path("assertions"))
            if (a.path("label").asText().startsWith("c2pa.actions"))
                firstAction =
                        a.path("data").path("actions").path(0).path("action").asText();
        if (!firstAction.equals("c2pa.opened")) problems.add(name + ": first action " + firstAction);
        String ours = ReferenceComparison.disagreement(
                PeerSummary.of(raw), trust.reader().read(file));
        if (!ours.isEmpty()) problems.add(name + ": we disagree with the peer: " + ours);
        return problems;
    }

    static JsonNode store(C2paPeer.Result r) {
        assertThat(r).isInstanceOf(C2paPeer.Result.Store.class);
        return ((C2paPeer.Result.Store) r).json();
    }

    private static ManifestRequest request() {
        return ManifestRequest.created(DST, InteropTamper.MARKER).withTitle("resigned");
    }

    static C2paSigner signer(Path root, String alg) throws Exception {
        SigningKey key = SigningKey.fromPem(
                Files.readString(root.resolve("certs/" + alg + ".pem")),
                Files.readString(root.resolve("certs/" + alg + ".pub")),
                SigningAlgorithm.parse(alg));
        return new C2paSigner(key, TrustSettings.none(Clock.systemUTC()), "pramaan-interop", "1.0.0");
    }
}
