package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testing.C2paPeer;
import org.pramaan.testing.SharedTestData;

/**
 * Tamper parity on files the reference SDK signs: small media made here, signed by the peer with each
 * of the seven test chains (certs/), then damaged ({@link InteropTamper}). Both sides must give the same
 * state and codes ({@link ReferenceComparison}) with and without the test anchors, and the peer's
 * answer must show each damage, so the check cannot pass by both sides seeing nothing.
 */
@ExtendWith(C2paPeer.Resolver.class)
class C2paPeerTamperTest {
    static final List<String> FORMATS = List.of("jpg", "png", "webp", "wav", "mp3", "mp4");
    static final List<String> ALGS = List.of("es256", "es384", "es512", "ps256", "ps384", "ps512", "ed25519");
    private static final List<String> SOURCE_TYPES = List.of("trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia", "digitalCapture");

    @Test
    void peerSignedFilesAreJudgedAlikeWhetherIntactOrTampered(C2paPeer peer, @TempDir Path tmp) throws Exception {
        Path root = SharedTestData.folder("c2pa");
        List<InteropTrust> modes = List.of(InteropTrust.none(), InteropTrust.testAnchors(root));
        List<C2paReader> ours = modes.stream().map(InteropTrust::reader).toList();
        ReferenceComparison.Tally tally = new ReferenceComparison.Tally();
        List<String> unseen = new ArrayList<>();
        java.util.Map<String, Set<String>> codesSeen = new java.util.TreeMap<>();
        long t0 = System.nanoTime(), oursNanos = 0;
        int oursReads = 0;
        for (String ext : FORMATS) {
            Path unsigned = InteropMedia.make(ext, Files.createDirectories(tmp.resolve(ext)));
            for (int i = 0; i < ALGS.size(); i++) {
                String alg = ALGS.get(i);
                Path signed = tmp.resolve(ext).resolve(alg + "." + ext);
                assertThat(peer.sign(unsigned, signed, Files.readString(root.resolve("certs/" + alg + ".pub")), Files.readString(root.resolve("certs/" + alg + ".pem")),
                        alg, definition(ext, SOURCE_TYPES.get(i % SOURCE_TYPES.size())))).as("peer signs %s with %s", ext, alg).isEmpty();
                for (InteropTamper t : InteropTamper.all()) {
                    Path f = tmp.resolve(ext).resolve(alg + "-" + t.name().toLowerCase(java.util.Locale.ROOT) + "." + ext);
                    Files.write(f, t.apply(ext, Files.readAllBytes(signed)));
                    // Trust handling is covered by the intact files in both modes; damage is judged with the anchors, where no trust code blurs it.
                    for (int m = t == InteropTamper.UNTOUCHED ? 0 : 1; m < modes.size(); m++) {
                        InteropTrust trust = modes.get(m);
                        C2paPeer.Result theirs = peer.read(f, trust.anchorsPem(), trust.storeCfg());
                        String name = ext + "/" + alg + "/" + t;
                        long r0 = System.nanoTime();
                        C2paOutcome mine = ours.get(m).read(f);
                        oursNanos += System.nanoTime() - r0;
                        oursReads++;
                        tally.add(ext, name, trust.name(), ReferenceComparison.disagreement(PeerSummary.of(theirs), mine));
                        seen(t, trust, PeerSummary.of(theirs)).ifPresent(why -> unseen.add(name + " [" + trust.name() + "]: " + why));
                        codesSeen.computeIfAbsent(t + " [" + trust.name() + "]", k -> new TreeSet<>()).add(PeerSummary.of(theirs).path("active_failure_codes").toString());
                    }
                }
            }
        }
        System.out.printf("C2PA tamper parity on reference-signed files, %d formats x %d algorithms x %d variants (intact: 2 trust modes), %.1f s (%s; ours %d reads, mean %.1f ms):%n",
                FORMATS.size(), ALGS.size(), InteropTamper.values().length, (System.nanoTime() - t0) / 1e9, peer.timings(), oursReads, oursNanos / 1e6 / Math.max(1, oursReads));
        tally.print();
        codesSeen.forEach((k, v) -> System.out.println("  peer failure codes for " + k + ": " + v));
        unseen.forEach(u -> System.out.println("  PEER DID NOT SEE " + u));
        assertThat(unseen).isEmpty();
        assertThat(tally.disagreements).isEmpty();
    }

    /** The peer's verdict must reflect the damage: the expected code for a tamper, Trusted/Valid with nothing else when intact. */
    static java.util.Optional<String> seen(InteropTamper t, InteropTrust trust, ObjectNode peer) {
        Set<String> failures = new TreeSet<>();
        peer.path("active_failure_codes").forEach(n -> failures.add(n.asText()));
        String state = peer.path("validation_state").asText(peer.path("outcome").asText());
        if (t == InteropTamper.UNTOUCHED) {
            boolean ok = trust.anchorsPem().isPresent() ? state.equals("Trusted") && failures.isEmpty()
                    : state.equals("Valid") && failures.equals(Set.of("signingCredential.untrusted"));
            return ok ? java.util.Optional.empty() : java.util.Optional.of("intact file is " + state + " " + failures);
        }
        boolean hit = state.equals("Invalid") && failures.stream().anyMatch(t.expectAnyOf::contains);
        return hit ? java.util.Optional.empty() : java.util.Optional.of("expected Invalid with one of " + t.expectAnyOf + ", got " + state + " " + failures);
    }

    /** A created asset (C2PA 2.2 §18.14.2: c2pa.created with its digitalSourceType) plus the marker assertion the tamper flips. */
    static ObjectNode definition(String ext, String sourceType) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode d = json.createObjectNode();
        d.putArray("claim_generator_info").addObject().put("name", "pramaan-interop").put("version", "1.0.0");
        d.put("title", "interop." + ext);
        var assertions = d.putArray("assertions");
        ObjectNode actions = assertions.addObject().put("label", "c2pa.actions");
        actions.putObject("data").putArray("actions").addObject().put("action", "c2pa.created")
                .put("digitalSourceType", "http://cv.iptc.org/newscodes/digitalsourcetype/" + sourceType);
        assertions.addObject().put("label", "org.pramaan.interop.marker").putObject("data").put("marker", InteropTamper.MARKER);
        return d;
    }
}
