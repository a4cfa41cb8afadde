package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testing.C2paPeer;
import org.pramaan.testing.SharedTestData;

/**
 * Provenance chains across implementations (C2PA 2.2 §18.7, §10.4): Pramaan signs a JPEG whose
 * ingredient (parentOf or componentOf) is unsigned, signed by the reference, signed by Pramaan, or
 * signed and then damaged. The reference and we must judge the child alike in both trust modes,
 * ingredient deltas included; intact chains must be Valid/Trusted in the peer. (Both accept a child whose
 * ingredient was already damaged when it was signed: the damage is recorded in the ingredient's
 * validationResults, and the deltas report only what changed since, §18.7.3.)
 */
@ExtendWith(C2paPeer.Resolver.class)
class C2paIngredientInteropTest {
    private static final String DST = SignedInterop.IPTC + "compositeWithTrainedAlgorithmicMedia";

    @Test
    void chainsWithIngredientsFromEitherSideAreJudgedAlike(C2paPeer peer, @TempDir Path tmp) throws Exception {
        Path root = SharedTestData.folder("c2pa");
        Path unsigned = InteropMedia.make("jpg", Files.createDirectories(tmp.resolve("parent")));
        List<InteropTrust> modes = List.of(InteropTrust.none(), InteropTrust.testAnchors(root));
        SigningKey key = SigningKey.fromPem(
                Files.readString(root.resolve("certs/ed25519.pem")),
                Files.readString(root.resolve("certs/ed25519.pub")),
                SigningAlgorithm.parse("ed25519"));
        ReferenceComparison.Tally tally = new ReferenceComparison.Tally();
        List<String> unseen = new ArrayList<>();
        int n = 0;
        for (var parent : parents(peer, root, unsigned, tmp).entrySet()) {
            for (ManifestRequest.Relationship rel : ManifestRequest.Relationship.values()) {
                ManifestRequest req = ManifestRequest.created(DST, InteropTamper.MARKER)
                        .withTitle("child.jpg")
                        .withIngredient(new ManifestRequest.Ingredient(
                                Files.readAllBytes(parent.getValue()), "parent.jpg", rel));
                Path child = Files.write(
                        tmp.resolve("child-" + n++ + ".jpg"),
                        new C2paSigner(key, TrustSettings.none(Clock.systemUTC()), "pramaan-interop", "1.0.0")
                                .sign(Files.readAllBytes(unsigned), req, C2paSigner.Placement.EMBEDDED)
                                .asset());
                for (InteropTrust trust : modes) {
                    JsonNode theirs = PeerSummary.of(peer.read(child, trust.anchorsPem(), trust.storeCfg()));
                    String name = parent.getKey() + " as " + rel.wire, where = name + " [" + trust.name() + "]: ";
                    tally.add(
                            "jpg+ingredient",
                            name,
                            trust.name(),
                            ReferenceComparison.disagreement(
                                    theirs, trust.reader().read(child)));
                    System.out.printf(
                            "  peer on child of %-48s %s, failures %s, ingredient deltas %s%n",
                            where,
                            theirs.path("validation_state").asText(),
                            theirs.path("validation_status_codes"),
                            theirs.path("ingredient_delta_codes"));
                    // A signed parent's manifests travel into the child's store (§10.4); an unsigned one has none to
                    // bring.
                    int manifests = parent.getKey().equals("unsigned") ? 1 : 2;
                    if (theirs.path("manifest_count").asInt() != manifests)
                        unseen.add(
                                where + "peer sees " + theirs.path("manifest_count") + " manifests, not " + manifests);
                    if (parent.getKey().contains("damaged") || parent.getKey().equals("unsigned")) continue;
                    String action = rel == ManifestRequest.Relationship.PARENT_OF
                            ? "c2pa.edited "
                            : "c2pa.created "; // see Actions
                    InteropTamper.seen(InteropTamper.UNTOUCHED, trust, theirs, action + DST)
                            .ifPresent(w -> unseen.add(where + w));
                }
            }
        }
        tally.print();
        assertThat(unseen).isEmpty();
        assertThat(tally.disagreements).isEmpty();
    }

    /** The parents: unsigned, signed by each side, and signed then damaged. */
    private static Map<String, Path> parents(C2paPeer peer, Path root, Path unsigned, Path tmp) throws Exception {
        SignedInterop.Format jpg = SignedInterop.Format.embedded("jpg");
        SignedInterop.SignedFile byPeer = new C2paPeerTamperTest.PeerSigner(peer, root)
                .sign(unsigned, jpg, "es256", DST, "parent.jpg", tmp.resolve("parent/peer"));
        SignedInterop.SignedFile byUs = new C2paPramaanSignedInteropTest.PramaanSigner(root)
                .sign(unsigned, jpg, "ps256", DST, "parent.jpg", tmp.resolve("parent/ours"));
        Map<String, Path> parents = new LinkedHashMap<>();
        parents.put("unsigned", unsigned);
        parents.put("peer-signed", byPeer.asset());
        parents.put("pramaan-signed", byUs.asset());
        parents.put(
                "peer-signed, signature damaged",
                InteropTamper.SIGNATURE
                        .applyTo(byPeer, jpg, tmp.resolve("parent/peer-sig"))
                        .asset());
        parents.put(
                "pramaan-signed, pixels damaged",
                InteropTamper.PAYLOAD
                        .applyTo(byUs, jpg, tmp.resolve("parent/ours-pix"))
                        .asset());
        return parents;
    }
}
