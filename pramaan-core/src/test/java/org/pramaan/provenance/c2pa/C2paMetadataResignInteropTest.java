package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.provenance.Aigc;
import org.pramaan.testing.C2paPeer;
import org.pramaan.testing.SharedTestData;

/**
 * Issue 18: metadata labels written into a signed file change bytes its hard binding covers (C2PA 2.2
 * §18.5/§18.6 exclude only the store), in every format both the label writer and the signer handle. The
 * reference must see the hash mismatch; re-signed as {@code metadata write --resign} does (the original
 * signed file as the parent, {@code c2pa.opened} then {@code c2pa.edited}) it must be Trusted again, with
 * the original's manifest as the parentOf ingredient, and we must judge both files as it does.
 */
@ExtendWith(C2paPeer.Resolver.class)
class C2paMetadataResignInteropTest {
    /** MetadataWriter's formats that C2paSigner also signs. */
    static final List<String> FORMATS = List.of("jpg", "png", "wav", "mp3", "mp4", "webp");

    private static final Aigc LABEL = new Aigc("1", "Producer", "id-1", "", "", "", "");

    @Test
    void writtenLabelsBreakTheBindingAndResigningRestoresIt(C2paPeer peer, @TempDir Path tmp) throws Exception {
        Path root = SharedTestData.folder("c2pa");
        InteropTrust trust = InteropTrust.testAnchors(root);
        C2paSigner signer = C2paResignInteropTest.signer(root, "es256");
        List<String> problems = new ArrayList<>();
        for (String ext : FORMATS) {
            Path dir = Files.createDirectories(tmp.resolve(ext));
            byte[] unsigned = Files.readAllBytes(InteropMedia.make(ext, dir));
            C2paSigner.Signed signed = signer.sign(
                    unsigned,
                    ManifestRequest.created(SignedInterop.IPTC + "trainedAlgorithmicMedia", InteropTamper.MARKER),
                    C2paSigner.Placement.EMBEDDED);
            boolean dst = ext.equals("jpg") || ext.equals("png") || ext.equals("mp4") || ext.equals("webp");
            byte[] written = MetadataWriter.write(
                    signed.asset(),
                    dst ? Optional.of("trainedAlgorithmicMedia") : Optional.empty(),
                    Optional.of(LABEL));

            Path broken = Files.write(dir.resolve("labelled." + ext), written);
            C2paPeer.Result raw = peer.read(broken, trust.anchorsPem(), trust.storeCfg());
            JsonNode failures = C2paResignInteropTest.store(raw)
                    .path("validation_results")
                    .path("activeManifest")
                    .path("failure");
            if (!failures.toString().contains("Hash.mismatch"))
                problems.add(ext + " labelled: peer sees no hash mismatch: " + failures);
            String ours = ReferenceComparison.disagreement(
                    PeerSummary.of(raw), trust.reader().read(broken));
            if (!ours.isEmpty()) problems.add(ext + " labelled: we disagree with the peer: " + ours);

            ManifestRequest edit = ManifestRequest.edited("Pramaan metadata write")
                    .withIngredient(new ManifestRequest.Ingredient(
                            signed.asset(), "signed." + ext, ManifestRequest.Relationship.PARENT_OF))
                    .replacingExisting();
            Path resigned = Files.write(
                    dir.resolve("resigned." + ext),
                    signer.sign(written, edit, C2paSigner.Placement.EMBEDDED).asset());
            problems.addAll(C2paResignInteropTest.keptAsParent(
                    ext + " resigned", peer, trust, resigned, signed.manifestLabel()));
            JsonNode j = C2paResignInteropTest.store(peer.read(resigned));
            if (!j.toString().contains("\"c2pa.edited\"")) problems.add(ext + " resigned: no c2pa.edited action");
        }
        assertThat(problems).isEmpty();
    }
}
