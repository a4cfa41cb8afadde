package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaSource;
import org.pramaan.testing.SharedTestData;

/** Self-made tampering of a reference-signed PNG: each damaged part yields its own failure code (C2PA 2.2 §15). */
class C2paTamperTest {
    private final C2paReader reader = new C2paReader(TrustSettings.none(C2paConformanceTest.WHEN_REFERENCE_RAN));

    private byte[] signed() throws Exception {
        return Files.readAllBytes(SharedTestData.folder("c2pa").resolve("reference-signed/libpng-test.signed.png"));
    }

    @Test
    void untouchedFileIsValid() throws Exception {
        C2paReport r = report(signed());
        assertThat(r.state()).isEqualTo(ValidationState.VALID);
        assertThat(r.active().failureCodes()).containsExactly("signingCredential.untrusted");
        assertThat(codes(r.active().success())).contains("assertion.dataHash.match", "claimSignature.validated");
    }

    @Test
    void imageByteFlipBreaksTheDataHash() throws Exception {
        byte[] b = signed();
        b[b.length - 20] ^= 0x01; // inside IDAT, far from caBX
        assertThat(report(b).active().failureCodes()).contains("assertion.dataHash.mismatch");
        assertThat(report(b).state()).isEqualTo(ValidationState.INVALID);
    }

    @Test
    void assertionByteFlipBreaksItsHashedUri() throws Exception {
        byte[] b = signed();
        int at = indexOf(b, "digitalSourceType") + 3;
        b[at] ^= 0x01;
        assertThat(report(b).active().failureCodes()).contains("assertion.hashedURI.mismatch");
    }

    @Test
    void signatureByteFlipBreaksTheClaimSignature() throws Exception {
        byte[] b = signed();
        int storeAt = indexOf(b, "caBX") + 4;
        ManifestStore store = ManifestStore.parse(
                StoreLocator.locate(MediaSource.of(b)).store().orElseThrow());
        b[storeAt + store.active().signature().end() - 1] ^= 0x01; // COSE_Sign1 ends with the signature byte string
        assertThat(report(b).active().failureCodes()).contains("claimSignature.mismatch");
    }

    @Test
    void strippedStoreMeansNoManifest() throws Exception {
        byte[] b = signed();
        int at = indexOf(b, "caBX") - 4;
        int len = ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
        byte[] stripped = new byte[b.length - (12 + len)];
        System.arraycopy(b, 0, stripped, 0, at);
        System.arraycopy(b, at + 12 + len, stripped, at, b.length - at - 12 - len);
        assertThat(reader.read(MediaSource.of(stripped))).isInstanceOf(C2paOutcome.NoManifest.class);
    }

    @Test
    void sidecarStoreValidatesAgainstItsAsset() throws Exception {
        Path root = SharedTestData.folder("c2pa").resolve("reference-signed");
        byte[] store = Files.readAllBytes(root.resolve("manifests/video1_no_manifest.signed.mp4.c2pa"));
        C2paOutcome o = reader.readStore(
                store,
                java.util.Optional.of(
                        MediaSource.of(Files.readAllBytes(root.resolve("video1_no_manifest.signed.mp4")))));
        assertThat(((C2paOutcome.Read) o).report().state()).isEqualTo(ValidationState.VALID);
    }

    private C2paReport report(byte[] b) throws Exception {
        C2paOutcome o = reader.read(MediaSource.of(b));
        assertThat(o).isInstanceOf(C2paOutcome.Read.class);
        return ((C2paOutcome.Read) o).report();
    }

    private static Set<String> codes(java.util.List<StatusCode> l) {
        return ValidationResults.codes(l);
    }

    private static int indexOf(byte[] b, String s) {
        byte[] n = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= b.length; i++) {
            for (int k = 0; k < n.length; k++) if (b[i + k] != n[k]) continue outer;
            return i;
        }
        throw new AssertionError("'" + s + "' not found");
    }
}
