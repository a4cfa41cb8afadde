package org.pramaan.provenance.c2pa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pramaan.media.MediaSource;
import org.pramaan.testing.C2paPeer;

/**
 * The body of the signing interop suites, for any signer: sign small media made here with each test
 * chain, damage copies ({@link InteropTamper}, three chains per format, rotating), and have us and the peer judge every file with
 * {@link ReferenceComparison}. Intact files are read in both trust modes, damaged ones with the anchors.
 * The peer's answer must show each damage and the requested digitalSourceType, so agreement on
 * "nothing seen" cannot pass.
 */
final class SignedInterop {
    private SignedInterop() {}

    /** A container format; {@code sidecar}: the store is a separate {@code .c2pa} (§11.5) next to an unchanged asset. */
    record Format(String ext, boolean sidecar) {
        static Format embedded(String ext) {
            return new Format(ext, false);
        }

        static Format sidecarOf(String ext) {
            return new Format(ext, true);
        }

        String label() {
            return sidecar ? ext + "+sidecar" : ext;
        }
    }

    /** The store may be embedded in {@code asset} or stand beside it. */
    record SignedFile(Path asset, Optional<Path> store) {}

    /** A C2PA signer under test. It must put {@link InteropTamper#MARKER} in an assertion and {@code title} in the claim. */
    interface Signer {
        String name();

        /** @param alg a test chain of shared/testdata/c2pa/certs; @param sourceType a full IPTC digitalSourceType URI */
        SignedFile sign(Path unsigned, Format format, String alg, String sourceType, String title, Path dir)
                throws Exception;
    }

    /** Prefix of the IPTC NewsCodes digitalSourceType vocabulary (C2PA 2.2 §18.14.2). */
    static final String IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/";

    static final int TAMPERED_PER_FORMAT = 3;
    static final List<String> ALGS = List.of("es256", "es384", "es512", "ps256", "ps384", "ps512", "ed25519");
    private static final List<String> SOURCE_TYPES =
            List.of("trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia", "digitalCapture");

    /** What a run found; the test asserts both lists empty after printing. */
    record Outcome(ReferenceComparison.Tally tally, List<String> unseen) {}

    static Outcome run(C2paPeer peer, Signer signer, List<Format> formats, Path c2paRoot, Path tmp) throws Exception {
        List<InteropTrust> modes = List.of(InteropTrust.none(), InteropTrust.testAnchors(c2paRoot));
        List<C2paReader> ours = modes.stream().map(InteropTrust::reader).toList();
        ReferenceComparison.Tally tally = new ReferenceComparison.Tally();
        List<String> unseen = new ArrayList<>();
        Map<String, Set<String>> codesSeen = new TreeMap<>();
        long t0 = System.nanoTime(), oursNanos = 0;
        int oursReads = 0;
        for (int fi = 0; fi < formats.size(); fi++) {
            Format format = formats.get(fi);
            Path dir = Files.createDirectories(tmp.resolve(format.label()));
            Path unsigned = InteropMedia.make(format.ext(), dir);
            for (int i = 0; i < ALGS.size(); i++) {
                String alg = ALGS.get(i), dst = IPTC + SOURCE_TYPES.get(i % SOURCE_TYPES.size());
                SignedFile signed =
                        signer.sign(unsigned, format, alg, dst, "interop." + format.ext(), dir.resolve(alg));
                // Every chain signs every format intact; damage goes to TAMPERED_PER_FORMAT chains per format, rotating
                // so
                // that each chain is damaged in several formats (keeps the suite within its time budget).
                boolean damage = Math.floorMod(i - fi * TAMPERED_PER_FORMAT, ALGS.size()) < TAMPERED_PER_FORMAT;
                for (InteropTamper t : damage ? InteropTamper.all() : List.of(InteropTamper.UNTOUCHED)) {
                    SignedFile f = t.applyTo(
                            signed, format, dir.resolve(alg + "-" + t.name().toLowerCase(Locale.ROOT)));
                    for (int m = t == InteropTamper.UNTOUCHED ? 0 : 1; m < modes.size(); m++) {
                        InteropTrust trust = modes.get(m);
                        String name = format.label() + "/" + alg + "/" + t;
                        var theirs = PeerSummary.of(
                                f.store().isPresent()
                                        ? peer.readStore(
                                                f.store().get(), f.asset(), trust.anchorsPem(), trust.storeCfg())
                                        : peer.read(f.asset(), trust.anchorsPem(), trust.storeCfg()));
                        long r0 = System.nanoTime();
                        C2paOutcome mine = f.store().isPresent()
                                ? ours.get(m)
                                        .readStore(
                                                Files.readAllBytes(f.store().get()),
                                                Optional.of(MediaSource.of(Files.readAllBytes(f.asset()))))
                                : ours.get(m).read(f.asset());
                        oursNanos += System.nanoTime() - r0;
                        oursReads++;
                        tally.add(format.label(), name, trust.name(), ReferenceComparison.disagreement(theirs, mine));
                        InteropTamper.seen(t, trust, theirs, "c2pa.created " + dst)
                                .ifPresent(why -> unseen.add(name + " [" + trust.name() + "]: " + why));
                        codesSeen
                                .computeIfAbsent(t + " [" + trust.name() + "]", k -> new TreeSet<>())
                                .add(theirs.path("active_failure_codes").toString());
                    }
                }
            }
        }
        System.out.printf(
                "C2PA signing interop, files signed by %s: %d formats x %d algorithms intact (2 trust modes), %d damage variants"
                        + " on %d of them per format, %.1f s (%s; ours %d reads, mean %.1f ms):%n",
                signer.name(),
                formats.size(),
                ALGS.size(),
                InteropTamper.values().length - 1,
                TAMPERED_PER_FORMAT,
                (System.nanoTime() - t0) / 1e9,
                peer.timings(),
                oursReads,
                oursNanos / 1e6 / Math.max(1, oursReads));
        tally.print();
        codesSeen.forEach((k, v) -> System.out.println("  peer failure codes for " + k + ": " + v));
        unseen.forEach(u -> System.out.println("  PEER DID NOT SEE " + u));
        return new Outcome(tally, unseen);
    }
}
