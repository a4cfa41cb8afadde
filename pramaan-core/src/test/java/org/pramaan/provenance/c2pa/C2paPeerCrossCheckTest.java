package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pramaan.media.MediaSource;
import org.pramaan.testing.C2paPeer;
import org.pramaan.testing.SharedTestData;

/**
 * Every media file of shared/testdata/c2pa (fixtures/, reference-signed/, real-ai/) read by us and by
 * the LIVE reference SDK, with and without the test anchors, judged by {@link ReferenceComparison}:
 * outcome, validation_state, failure/informational/success code sets, active manifest label, claim
 * generator, digitalSourceTypes. Complements {@link C2paConformanceTest} (stored results): this one
 * follows the reference's current behaviour at today's date and covers real-ai/ by the same rules.
 */
@ExtendWith(C2paPeer.Resolver.class)
class C2paPeerCrossCheckTest {
    @Test
    void agreesWithTheLivePeerOnEveryFile(C2paPeer peer) throws Exception {
        Path root = SharedTestData.folder("c2pa");
        List<Path> files = mediaFiles(root);
        ReferenceComparison.Tally tally = new ReferenceComparison.Tally();
        long t0 = System.nanoTime();
        for (InteropTrust trust : List.of(InteropTrust.none(), InteropTrust.testAnchors(root))) {
            C2paReader ours = trust.reader();
            for (Path f : files) {
                C2paPeer.Result theirs = peer.read(f, trust.anchorsPem(), trust.storeCfg());
                String rel = root.relativize(f).toString().replace('\\', '/');
                tally.add(
                        extension(f),
                        rel,
                        trust.name(),
                        ReferenceComparison.disagreement(PeerSummary.of(theirs), ours.read(f)));
            }
            for (Path store : sidecars(root)) {
                Path asset = root.resolve("reference-signed")
                        .resolve(store.getFileName().toString().replaceFirst("\\.c2pa$", ""));
                C2paPeer.Result theirs = peer.readStore(store, asset, trust.anchorsPem(), trust.storeCfg());
                C2paOutcome mine = ours.readStore(
                        Files.readAllBytes(store), Optional.of(MediaSource.of(Files.readAllBytes(asset))));
                tally.add(
                        "c2pa (sidecar)",
                        root.relativize(store).toString(),
                        trust.name(),
                        ReferenceComparison.disagreement(PeerSummary.of(theirs), mine));
            }
        }
        System.out.printf(
                "C2PA live cross-check against the reference peer (c2pa-rs 0.90.1), %d files + %d sidecar stores x 2 trust modes, %.1f s (%s):%n",
                files.size(), sidecars(root).size(), (System.nanoTime() - t0) / 1e9, peer.timings());
        tally.print();
        assertThat(files).hasSizeGreaterThan(40);
        assertThat(tally.disagreements).isEmpty();
    }

    /** reference-signed/manifests/X.c2pa: the raw store the signer returned for reference-signed/X, validated against X (§11.5). */
    static List<Path> sidecars(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("reference-signed/manifests"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".c2pa"))
                    .sorted()
                    .toList();
        }
    }

    static List<Path> mediaFiles(Path root) throws IOException {
        try (Stream<Path> s =
                Stream.of("fixtures", "reference-signed", "real-ai").flatMap(d -> walk(root.resolve(d)))) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches("(?i).*\\.(json|md|txt|c2pa)$"))
                    .sorted()
                    .toList();
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String extension(Path f) {
        String n = f.getFileName().toString();
        return n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
