package org.pramaan.provenance.c2pa;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.pramaan.fuzz.Contract;
import org.pramaan.media.MediaSource;

/**
 * The whole read path (locate, JUMBF, claims, COSE, validation, report JSON) on a file or, when the
 * input is a bare store, on the store: always an outcome. The reader turns an unexpected
 * RuntimeException into {@code general.error}; here that is a finding, since it is a parser bug.
 */
public final class C2paReaderFuzzer {
    private static final C2paReader READER = new C2paReader(
            TrustSettings.none(java.time.Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)));

    private C2paReaderFuzzer() {}

    /**
     * Jazzer calls this once before fuzzing. The first store read loads and hook-instruments
     * BouncyCastle and the X.509 stack, which took over the 10 s per-input timeout on a loaded
     * machine and was reported as a hang of the first seed; warming up here keeps that out of the
     * timed inputs.
     */
    public static void fuzzerInitialize() throws Exception {
        for (byte[] s : org.pramaan.fuzz.Seeds.shared("c2pa/reference-signed/manifests/sample1.signed.wav.c2pa"))
            READER.readStore(s, Optional.empty());
        READER.readStore(org.pramaan.fuzz.Seeds.minimalStore(), Optional.empty());
        READER.read(MediaSource.of(org.pramaan.fuzz.Seeds.jpegWithMetadata()));
    }

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        check(READER.read(MediaSource.of(data)));
        if (data.length >= 8 && data[4] == 'j' && data[5] == 'u' && data[6] == 'm' && data[7] == 'b')
            check(READER.readStore(data, Optional.empty()));
    }

    private static void check(C2paOutcome o) {
        if (o instanceof C2paOutcome.Unreadable u) {
            Contract.check(!u.code().equals("general.error"), "internal error escaped the parsers: " + u.message());
            Contract.check(u.message() != null && !u.message().isBlank(), "unreadable without a message");
        }
    }
}
