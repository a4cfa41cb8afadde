package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.testing.SharedTestData;

/**
 * A byte flipped inside the signing certificate (issue 18). Expectations come from the reference SDK
 * (c2pa-node 0.8.0 / c2pa-rs 0.90.1) run on the same flipped copies of
 * reference-signed/libpng-test.signed.png, every one of the certificate's 651 offsets: where it still reads
 * the certificate it reports the manifest, its digitalSourceType and signer, state Invalid with failures
 * signingCredential.untrusted and claimSignature.mismatch (the x5chain is in the COSE protected header, so
 * the signature no longer verifies); where the DER itself is broken it refuses the file (CoseInvalidCert).
 * Pramaan used to refuse every flip the JDK's X.509 parser refuses; the sweep now agrees on 640 of 651.
 */
class C2paFlippedCertificateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Offsets (from the certificate's first byte) where the reference reports the manifest and the JDK refuses
     * the certificate: 40 inner signature algorithm OID, 46 its last octet, 53 a length inside the issuer name,
     * 60 an attribute's OID, 300 a byte of the subject O that is then not UTF-8, 574 the outer signature algorithm OID.
     */
    @ParameterizedTest
    @ValueSource(ints = {40, 46, 53, 60, 300, 574, 400, 600})
    void theManifestIsReportedWithTheSignatureMismatch(int offset, @TempDir Path dir) throws Exception {
        Path copy = flipped(dir, offset);
        C2paOutcome got = new C2paReader(TrustSettings.none(C2paConformanceTest.WHEN_REFERENCE_RAN)).read(copy);

        assertThat(got).as("offset " + offset).isInstanceOf(C2paOutcome.Read.class);
        C2paReport r = ((C2paOutcome.Read) got).report();
        assertThat(r.state()).isEqualTo(ValidationState.INVALID);
        assertThat(r.active().failureCodes())
                .containsExactlyInAnyOrder("signingCredential.untrusted", "claimSignature.mismatch");
        assertThat(ValidationResults.codes(r.active().success())).contains("assertion.dataHash.match");
        assertThat(r.activeSummary().orElseThrow().actions())
                .anySatisfy(a -> assertThat(a.digitalSourceType()).isPresent());
        JsonNode sig = JSON.readTree(r.json())
                .path("manifests")
                .path(r.activeManifest())
                .path("signature_info");
        assertThat(sig.path("alg").asText()).isEqualTo("Es256");
        assertThat(sig.path("common_name").asText()).isEqualTo("C2PA Signer");
        // At 300 the subject's O attribute is the damaged one: the reference then leaves issuer out.
        if (offset == 300) assertThat(sig.has("issuer")).isFalse();
        else assertThat(sig.path("issuer").asText()).isEqualTo("C2PA Test Signing Cert");
        assertThat(sig.path("cert_serial_number").asText())
                .isEqualTo("640229841392226413189608867977836244731148734950");
    }

    /** Offsets where the DER is broken (outer header, version, a validity time, the signature BIT STRING): the reference refuses too. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 200, 566})
    void brokenDerIsStillRefused(int offset, @TempDir Path dir) throws Exception {
        C2paOutcome got =
                new C2paReader(TrustSettings.none(C2paConformanceTest.WHEN_REFERENCE_RAN)).read(flipped(dir, offset));
        assertThat(got).as("offset " + offset).isInstanceOf(C2paOutcome.Unreadable.class);
        assertThat(((C2paOutcome.Unreadable) got).code()).isEqualTo("signingCredential.invalid");
    }

    /** A private copy of the signed PNG with one byte of the leaf certificate (found after the c2pa.signature label) inverted. */
    private static Path flipped(Path dir, int offset) throws Exception {
        Path src = SharedTestData.folder("c2pa").resolve("reference-signed/libpng-test.signed.png");
        byte[] b = Files.readAllBytes(src);
        int at = certificateStart(b);
        int len = (((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF)) + 4;
        assertThat(offset).isLessThan(len);
        b[at + offset] ^= (byte) 0xFF;
        Path out = dir.resolve("flipped-" + offset + ".png");
        Files.write(out, b);
        return out;
    }

    /** The leaf: the first DER SEQUENCE with a two-byte length that directly holds another one (the tbsCertificate). */
    private static int certificateStart(byte[] b) {
        byte[] label = "c2pa.signature".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int from = indexOf(b, label, 0);
        assertThat(from).isPositive();
        for (int i = from; i + 6 < b.length; i++)
            if (b[i] == 0x30 && b[i + 1] == (byte) 0x82 && b[i + 4] == 0x30 && b[i + 5] == (byte) 0x82) return i;
        throw new AssertionError("no certificate after c2pa.signature");
    }

    private static int indexOf(byte[] b, byte[] what, int from) {
        outer:
        for (int i = from; i + what.length <= b.length; i++) {
            for (int k = 0; k < what.length; k++) if (b[i + k] != what[k]) continue outer;
            return i;
        }
        return -1;
    }
}
