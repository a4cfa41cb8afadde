package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.pramaan.testing.SharedTestData;

/**
 * The trust decision for RFC 3161 time-stamp authorities (issue 18): a claim-v2 TSA must chain to the
 * configured TSA trust list (C2PA 2.2 §14.4), not to the JDK's TLS roots; claim-v1 timestamps keep the
 * legacy rule the reference applies. Fixture expectations are the reference SDK's recorded results.
 */
class TimeStampTrustTest {
    private static C2paReport read(String fixture, TrustSettings trust) throws Exception {
        Path file = SharedTestData.folder("c2pa").resolve("fixtures").resolve(fixture);
        C2paOutcome o = new C2paReader(trust).read(file);
        assertThat(o).as(fixture).isInstanceOf(C2paOutcome.Read.class);
        return ((C2paOutcome.Read) o).report();
    }

    /** Before the fix both files reported success timeStamp.trusted (DigiCert's 2025 responder chains to cacerts). */
    @Test
    void claimV2TimeStampOfAPublicTsaIsUntrustedWithoutATsaAnchor() throws Exception {
        for (String f : List.of("CACA.jpg", "C_with_CAWG_data.jpg")) {
            C2paReport r = read(f, TrustSettings.none(C2paConformanceTest.WHEN_REFERENCE_RAN));
            assertThat(ValidationResults.codes(r.active().success()))
                    .as(f)
                    .contains("timeStamp.validated")
                    .doesNotContain("timeStamp.trusted");
            assertThat(ValidationResults.codes(r.active().informational()))
                    .as(f)
                    .containsExactly("timeStamp.untrusted");
            // Informational only: the state is still decided by the signing credential (§14.3).
            assertThat(r.state()).as(f).isEqualTo(ValidationState.VALID);
        }
    }

    @Test
    void claimV1TimeStampKeepsTheReferencesLegacyVerdict() throws Exception {
        C2paReport r = read("C.jpg", TrustSettings.none(C2paConformanceTest.WHEN_REFERENCE_RAN));
        assertThat(ValidationResults.codes(r.active().success())).contains("timeStamp.validated", "timeStamp.trusted");
        assertThat(ValidationResults.codes(r.active().informational())).doesNotContain("timeStamp.untrusted");
    }

    /**
     * The shared test signing certificate expires 2030-08-26. Judged in 2031, a credential is inside its
     * validity only at a trusted timestamp's time: C.jpg (claim v1, DigiCert 2023 under the legacy rule)
     * keeps it; CACA.jpg's untrusted token must not, as in c2pa-rs, where an untrusted token yields no
     * TstInfo and the certificate is checked at "now". Before the fix CACA.jpg used the untrusted time.
     */
    @Test
    void onlyATrustedTimeStampFixesTheInstantTheCredentialIsJudgedAt() throws Exception {
        TrustSettings in2031 = TrustSettings.none(
                java.time.Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        C2paReport legacy = read("C.jpg", in2031);
        assertThat(legacy.active().failureCodes()).doesNotContain("signingCredential.expired");
        C2paReport v2 = read("CACA.jpg", in2031);
        assertThat(v2.active().failureCodes()).contains("signingCredential.expired");
        assertThat(v2.state()).isEqualTo(ValidationState.INVALID);
        // The token's time is still reported, as the reference's signature_info.time does.
        assertThat(v2.json()).contains("2025-10-16T17:31:55");
    }

    @Test
    void tsaChainingToAConfiguredAnchorIsTrusted() throws Exception {
        KeyPair rootKeys = keys();
        X509Certificate root = cert("CN=Test TSA Root", rootKeys, rootKeys.getPrivate(), "CN=Test TSA Root", null);
        X509Certificate tsa =
                cert("CN=Test TSA", keys(), rootKeys.getPrivate(), "CN=Test TSA Root", KeyPurposeId.id_kp_timeStamping);
        var clock = C2paConformanceTest.WHEN_REFERENCE_RAN;
        TrustSettings viaAnchors = new TrustSettings(List.of(root), TrustSettings.DEFAULT_EKUS, List.of(), clock);
        TrustSettings viaTsaList = new TrustSettings(List.of(), TrustSettings.DEFAULT_EKUS, List.of(root), clock);
        for (int version : List.of(1, 2)) {
            assertThat(TimeStamps.tsaTrusted(List.of(tsa), version, viaAnchors)).isTrue();
            assertThat(TimeStamps.tsaTrusted(List.of(tsa), version, viaTsaList)).isTrue();
            assertThat(TimeStamps.tsaTrusted(List.of(tsa), version, TrustSettings.none(clock)))
                    .isFalse();
        }
    }

    /** RFC 3161 §2.3: a TSA certificate carries id-kp-timeStamping; one chaining to an anchor without it is not a TSA. */
    @Test
    void certificateWithoutTimeStampingEkuIsNotATrustedTsa() throws Exception {
        KeyPair rootKeys = keys();
        X509Certificate root = cert("CN=Root", rootKeys, rootKeys.getPrivate(), "CN=Root", null);
        X509Certificate signer =
                cert("CN=Signer", keys(), rootKeys.getPrivate(), "CN=Root", KeyPurposeId.id_kp_emailProtection);
        TrustSettings anchored = new TrustSettings(
                List.of(root), TrustSettings.DEFAULT_EKUS, List.of(root), C2paConformanceTest.WHEN_REFERENCE_RAN);
        assertThat(TimeStamps.tsaTrusted(List.of(signer), 2, anchored)).isFalse();
        assertThat(TimeStamps.tsaTrusted(List.of(signer), 1, anchored)).isFalse();
    }

    /** The legacy rule still needs a known root: a self-made TSA must not move a claim-v1 signing time. */
    @Test
    void selfMadeTsaIsUntrustedEvenForALegacyClaim() throws Exception {
        KeyPair k = keys();
        X509Certificate self = cert("CN=Self TSA", k, k.getPrivate(), "CN=Self TSA", KeyPurposeId.id_kp_timeStamping);
        TrustSettings none = TrustSettings.none(C2paConformanceTest.WHEN_REFERENCE_RAN);
        assertThat(TimeStamps.tsaTrusted(List.of(self), 1, none)).isFalse();
        assertThat(TimeStamps.tsaTrusted(List.of(self), 2, none)).isFalse();
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    /** @param eku null for a CA certificate */
    private static X509Certificate cert(
            String subject, KeyPair subjectKeys, PrivateKey issuerKey, String issuer, KeyPurposeId eku)
            throws Exception {
        Instant now = Instant.now();
        var b = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(3600)),
                Date.from(now.plusSeconds(86400L * 365)),
                new X500Name(subject),
                subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(eku == null));
        if (eku != null) b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(eku));
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }
}
