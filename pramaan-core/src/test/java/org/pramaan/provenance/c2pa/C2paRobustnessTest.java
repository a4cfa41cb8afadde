package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaSource;
import org.pramaan.testing.SharedTestData;

/**
 * Seeded mutations of real manifest stores and of the small signed fixtures (byte flips, length
 * damage, cuts, swaps, concentrated on the store bytes): every read ends in one of the four
 * outcomes; no exception, hang or OutOfMemoryError escapes (DEV-GUIDELINES 6).
 */
class C2paRobustnessTest {
    private enum Kind {
        NO_MANIFEST,
        REMOTE,
        UNREADABLE,
        READ
    }

    @Test
    void mutatedStoresAndFilesOnlyEverGiveAnOutcome() throws Exception {
        Path root = SharedTestData.folder("c2pa");
        List<byte[]> stores = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("reference-signed/manifests"))) {
            for (Path p : s.sorted().toList()) stores.add(Files.readAllBytes(p));
        }
        List<byte[]> files = new ArrayList<>();
        for (String f : List.of(
                "fixtures/C.jpg",
                "fixtures/CACA.jpg",
                "reference-signed/libpng-test.signed.png",
                "reference-signed/sample1.signed.gif",
                "reference-signed/sample1.signed.mp3",
                "reference-signed/sample1.signed.wav")) {
            files.add(Files.readAllBytes(root.resolve(f)));
        }
        C2paReader reader = new C2paReader(TrustSettings.none(C2paConformanceTest.WHEN_REFERENCE_RAN));
        Map<Kind, Integer> seen = new EnumMap<>(Kind.class);
        Random r = new Random(20261201);
        assertTimeoutPreemptively(
                Duration.ofMinutes(3),
                () -> {
                    for (int i = 0; i < 600; i++) {
                        byte[] m = org.pramaan.testing.Mutations.structural(
                                stores.get(i % stores.size()).clone(), r);
                        count(seen, run(() -> reader.readStore(m, Optional.empty()), "store " + i));
                    }
                    for (int i = 0; i < 150; i++) {
                        byte[] seed = files.get(i % files.size());
                        byte[] m = mutateNearStore(seed.clone(), r);
                        count(seen, run(() -> reader.read(MediaSource.of(m)), "file " + i));
                    }
                },
                "a mutated input made the reader hang");
        System.out.println("C2PA robustness: outcomes over 750 mutations " + seen);
        assertThat(seen.getOrDefault(Kind.READ, 0)).isPositive();
        assertThat(seen.getOrDefault(Kind.UNREADABLE, 0)).isPositive();
    }

    /** Mutations land in the first 64 KiB half the time, where the stores of these fixtures sit. */
    private static byte[] mutateNearStore(byte[] b, Random r) {
        if (r.nextBoolean()) {
            for (int k = 0; k < 1 + r.nextInt(4); k++) b[r.nextInt(Math.min(b.length, 65536))] = (byte) r.nextInt(256);
            return b;
        }
        return org.pramaan.testing.Mutations.structural(b, r);
    }

    private interface Read {
        C2paOutcome get() throws Exception;
    }

    private static C2paOutcome run(Read read, String what) {
        try {
            C2paOutcome o = read.get();
            if (o instanceof C2paOutcome.Unreadable u)
                assertThat(u.message()).as(what).isNotBlank();
            return o;
        } catch (Throwable t) {
            throw new AssertionError("mutation " + what + " escaped as " + t, t);
        }
    }

    private static void count(Map<Kind, Integer> seen, C2paOutcome o) {
        Kind k = switch (o) {
            case C2paOutcome.NoManifest n -> Kind.NO_MANIFEST;
            case C2paOutcome.RemoteReference x -> Kind.REMOTE;
            case C2paOutcome.Unreadable u -> Kind.UNREADABLE;
            case C2paOutcome.Read x -> Kind.READ;
        };
        seen.merge(k, 1, Integer::sum);
    }
}
