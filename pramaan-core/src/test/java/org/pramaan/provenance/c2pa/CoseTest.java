package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** COSE_Sign1 (RFC 9052) built here with fresh keys for every C2PA algorithm, then parsed and verified. */
class CoseTest {
    static final byte[] CLAIM = "a claim's bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(Cose.Alg.class)
    void signsAndVerifiesEveryAlgorithm(Cose.Alg alg) throws Exception {
        KeyPair kp = keys(alg);
        X509Certificate cert = cert("CN=signer", kp, kp.getPrivate(), "CN=signer", false, sigAlg(alg));
        byte[] cose = sign1(alg, kp.getPrivate(), List.of(cert), CLAIM);
        Cose parsed = Cose.parse(cose, 0, cose.length);
        assertThat(parsed.alg()).isEqualTo(alg);
        assertThat(parsed.verify(CLAIM)).isTrue();
        assertThat(parsed.verify("another claim".getBytes())).isFalse();
        if (alg == Cose.Alg.ES256) assertThat(parsed.signature()).hasSize(64); // raw r||s, not DER (RFC 9053 §2.1)
    }

    @Test
    void unknownAlgorithmIsRefused() throws Exception {
        KeyPair kp = keys(Cose.Alg.ES256);
        X509Certificate cert = cert("CN=s", kp, kp.getPrivate(), "CN=s", false, "SHA256withECDSA");
        byte[] prot = protectedWithAlg(-65535, cert);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new Cbor.Writer().array(4).bytes(prot).head(5, 0).toByteArray());
        out.write(0xF6);
        out.writeBytes(new Cbor.Writer().bytes(new byte[64]).toByteArray());
        byte[] bad = out.toByteArray();
        assertThatThrownBy(() -> Cose.parse(bad, 0, bad.length))
                .isInstanceOf(C2paException.class)
                .satisfies(e -> assertThat(((C2paException) e).code()).isEqualTo("algorithm.unsupported"));
    }

    @Test
    void chainToAnchorEkuAndValidity() throws Exception {
        KeyPair ca = keys(Cose.Alg.ES256), leaf = keys(Cose.Alg.ES256), other = keys(Cose.Alg.ES256);
        X509Certificate root = cert("CN=root", ca, ca.getPrivate(), "CN=root", true, "SHA256withECDSA");
        X509Certificate signer = cert("CN=leaf, O=Org", leaf, ca.getPrivate(), "CN=root", false, "SHA256withECDSA");
        X509Certificate stranger = cert("CN=root", other, other.getPrivate(), "CN=root", true, "SHA256withECDSA");
        assertThat(CertChecks.chainsToAnchor(List.of(signer), List.of(root))).isTrue();
        assertThat(CertChecks.chainsToAnchor(List.of(signer), List.of(stranger)))
                .isFalse(); // same name, other key
        assertThat(CertChecks.chainsToAnchor(List.of(signer), List.of())).isFalse();
        assertThat(CertChecks.ekuAllowed(signer, TrustSettings.DEFAULT_EKUS)).isTrue();
        assertThat(CertChecks.ekuAllowed(signer, Set.of("1.3.6.1.5.5.7.3.1"))).isFalse();
        assertThat(CertChecks.validAt(signer, Instant.now())).isTrue();
        assertThat(CertChecks.validAt(signer, Instant.now().plusSeconds(86400L * 800)))
                .isFalse();
        assertThat(CertChecks.subjectAttribute(signer, "O")).isEqualTo("Org");
    }

    static byte[] sign1(Cose.Alg alg, PrivateKey key, List<X509Certificate> chain, byte[] payload) throws Exception {
        byte[] prot = protectedWithAlg(alg.label, chain.get(0));
        Signature s = Signature.getInstance(alg.jca);
        if (alg.pss().isPresent()) s.setParameter(alg.pss().get());
        s.initSign(key);
        s.update(Cose.toBeSigned("Signature1", prot, payload));
        byte[] sig = s.sign();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                new Cbor.Writer().head(6, 18).array(4).bytes(prot).head(5, 0).toByteArray());
        out.write(0xF6); // nil: detached payload (C2PA 2.2 §13.2)
        out.writeBytes(new Cbor.Writer().bytes(sig).toByteArray());
        return out.toByteArray();
    }

    private static byte[] protectedWithAlg(int label, X509Certificate cert) throws Exception {
        Cbor.Writer w = new Cbor.Writer().head(5, 2);
        w = label < 0 ? w.head(0, 1).head(1, -1L - label) : w.head(0, 1).head(0, label);
        return w.head(0, 33).bytes(cert.getEncoded()).toByteArray();
    }

    static KeyPair keys(Cose.Alg alg) throws Exception {
        return switch (alg) {
            case ES256, ES384, ES512 -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(
                        alg == Cose.Alg.ES256 ? "secp256r1" : alg == Cose.Alg.ES384 ? "secp384r1" : "secp521r1"));
                yield g.generateKeyPair();
            }
            case PS256, PS384, PS512 -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                yield g.generateKeyPair();
            }
            case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        };
    }

    private static String sigAlg(Cose.Alg alg) {
        return switch (alg) {
            case ES256, ES384, ES512 -> "SHA256withECDSA";
            case PS256, PS384, PS512 -> "SHA256withRSA";
            case ED25519 -> "Ed25519";
        };
    }

    static X509Certificate cert(
            String subject, KeyPair subjectKeys, PrivateKey issuerKey, String issuer, boolean ca, String sigAlg)
            throws Exception {
        Instant now = Instant.now();
        var b = new JcaX509v3CertificateBuilder(
                new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(3600)),
                Date.from(now.plusSeconds(86400L * 365)),
                new X500Name(subject),
                subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (!ca)
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder(sigAlg).build(issuerKey)));
    }
}
