package org.pramaan.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.assessment.Assessor;
import org.pramaan.assessment.Tier;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.provenance.c2pa.TrustSettings;
import org.pramaan.signals.C2paSignals;
import org.pramaan.signals.MetadataSignalExtractor;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalType;
import org.pramaan.testing.SharedTestData;

/** Tiers from validated C2PA manifests (policy in {@link C2paSignals}). */
class C2paTierTest {
    private final MetadataSignalExtractor extractor = new MetadataSignalExtractor(
            new C2paReader(TrustSettings.none(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC))));

    private List<Signal> signals(Path f) throws Exception {
        try (MediaSource src = MediaSource.open(f)) {
            return extractor.extract(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
        }
    }

    private Tier tier(Path f) throws Exception {
        return new Assessor().assess(signals(f)).tier();
    }

    @Test
    void validFireflyManifestDeclaringTrainedAlgorithmicMediaConfirms() throws Exception {
        Path f = SharedTestData.folder("c2pa/real-ai").resolve("Firefly_tabby_cat.jpg");
        assertThat(tier(f)).isEqualTo(Tier.CONFIRMED_SYNTHETIC);
        assertThat(signals(f))
                .filteredOn(s -> s.type() == SignalType.C2PA_MANIFEST)
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.value()).endsWith("trainedAlgorithmicMedia");
                    assertThat(s.attributes())
                            .containsEntry("state", "Valid")
                            .containsEntry("generator", "Adobe_Firefly")
                            .containsEntry("softwareAgent", "Adobe Firefly");
                });
    }

    @Test
    void chatGptWithAnExpiredCredentialButIntactSignatureIsOnlySuspected() throws Exception {
        Path f = SharedTestData.folder("c2pa/real-ai").resolve("ChatGPT_Image.png");
        assertThat(tier(f)).isEqualTo(Tier.SUSPECTED_SYNTHETIC);
        assertThat(signals(f))
                .filteredOn(s -> s.type() == SignalType.C2PA_MANIFEST)
                .singleElement()
                .satisfies(s -> assertThat(s.attributes())
                        .containsEntry("state", "Invalid")
                        .containsEntry("softwareAgent", "GPT-4o")
                        .hasEntrySatisfying("failures", v -> assertThat(v).contains("signingCredential.expired")));
    }

    @Test
    void referenceSignedMp4Confirms() throws Exception {
        assertThat(tier(SharedTestData.folder("c2pa/reference-signed").resolve("video1_no_manifest.signed.mp4")))
                .isEqualTo(Tier.CONFIRMED_SYNTHETIC);
    }

    @Test
    void humanEditsWithoutAiSourceTypeGetNoAiLabel() throws Exception {
        assertThat(tier(SharedTestData.folder("c2pa/fixtures").resolve("CA.jpg")))
                .isEqualTo(Tier.NO_EVIDENCE);
        assertThat(tier(SharedTestData.folder("c2pa/fixtures").resolve("C_with_CAWG_data.jpg")))
                .isEqualTo(Tier.NO_EVIDENCE); // digitalCapture
    }

    /** Flips one byte and recomputes the CRC of the PNG chunk holding it. */
    private static void flipInChunk(byte[] b, int at) {
        int pos = 8;
        while (pos + 12 <= b.length) {
            int len = ((b[pos] & 0xFF) << 24)
                    | ((b[pos + 1] & 0xFF) << 16)
                    | ((b[pos + 2] & 0xFF) << 8)
                    | (b[pos + 3] & 0xFF);
            if (at >= pos + 8 && at < pos + 8 + len) {
                b[at] ^= 1;
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(b, pos + 4, len + 4);
                long c = crc.getValue();
                int o = pos + 8 + len;
                b[o] = (byte) (c >>> 24);
                b[o + 1] = (byte) (c >>> 16);
                b[o + 2] = (byte) (c >>> 8);
                b[o + 3] = (byte) c;
                return;
            }
            pos += 12 + len;
        }
        throw new AssertionError("offset " + at + " is not inside a chunk");
    }

    @Test
    void tamperedManifestDeclaringAiIsEvidenceButNeverConfirmation() throws Exception {
        byte[] b = Files.readAllBytes(
                SharedTestData.folder("c2pa/reference-signed").resolve("libpng-test.signed.png"));
        flipInChunk(
                b,
                b.length - 20); // pixel data: the data hash no longer matches (CRC kept valid so the prober accepts it)
        Path t = Files.createTempFile("tampered", ".png");
        try {
            Files.write(t, b);
            assertThat(tier(t)).isEqualTo(Tier.INCONCLUSIVE);
            assertThat(signals(t))
                    .filteredOn(s -> s.type() == SignalType.C2PA_MANIFEST)
                    .singleElement()
                    .satisfies(s -> assertThat(s.attributes().get("failures")).contains("assertion.dataHash.mismatch"));
        } finally {
            Files.delete(t);
        }
    }
}
