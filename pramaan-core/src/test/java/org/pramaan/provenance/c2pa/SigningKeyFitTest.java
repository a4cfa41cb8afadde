package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18: an algorithm that does not fit the key is refused before anything is signed. Before,
 * es384 with a P-256 key was accepted (the JDK signs SHA-384 on P-256 without complaint) and produced
 * manifests the reference SDK rejects.
 */
class SigningKeyFitTest {
    /** A fresh key of {@code kind} with a self-signed certificate for it, so only the algorithm can be wrong. */
    static SigningKey key(String kind, SigningAlgorithm alg) throws Exception {
        KeyPair kp = pair(kind);
        String sigAlg = kind.equals("RSA") ? "SHA256withRSA" : kind.equals("Ed25519") ? "Ed25519" : "SHA256withECDSA";
        X500Name name = new X500Name("CN=pramaan key-fit test");
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                name, BigInteger.ONE, new Date(0), new Date(4_102_444_800_000L), name, kp.getPublic())
                        .build(new JcaContentSignerBuilder(sigAlg).build(kp.getPrivate())));
        return new SigningKey(kp.getPrivate(), List.of(cert), alg);
    }

    private static KeyPair pair(String kind) throws Exception {
        return switch (kind) {
            case "RSA" -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                yield g.generateKeyPair();
            }
            case "Ed25519" -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            default -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(
                        switch (kind) {
                            case "P-256" -> "secp256r1";
                            case "P-384" -> "secp384r1";
                            default -> "secp521r1";
                        }));
                yield g.generateKeyPair();
            }
        };
    }

    @ParameterizedTest(name = "{0} with a {1} key is refused")
    @CsvSource({
        "ES256, P-384, 'es256 needs a P-256 key, but the key is a P-384 key; use es384'",
        "ES256, P-521, 'es256 needs a P-256 key, but the key is a P-521 key; use es512'",
        "ES384, P-256, 'es384 needs a P-384 key, but the key is a P-256 key; use es256'",
        "ES384, P-521, 'es384 needs a P-384 key, but the key is a P-521 key; use es512'",
        "ES512, P-256, 'es512 needs a P-521 key, but the key is a P-256 key; use es256'",
        "ES512, P-384, 'es512 needs a P-521 key, but the key is a P-384 key; use es384'",
        "ES256, RSA, 'es256 needs a P-256 key, but the key is an RSA key; use ps256, ps384 or ps512'",
        "ES256, Ed25519, 'es256 needs a P-256 key, but the key is an Ed25519 key; use ed25519'",
        "PS256, P-256, 'ps256 needs an RSA key, but the key is a P-256 key; use es256'",
        "PS384, Ed25519, 'ps384 needs an RSA key, but the key is an Ed25519 key; use ed25519'",
        "PS512, P-521, 'ps512 needs an RSA key, but the key is a P-521 key; use es512'",
        "ED25519, P-384, 'ed25519 needs an Ed25519 key, but the key is a P-384 key; use es384'",
        "ED25519, RSA, 'ed25519 needs an Ed25519 key, but the key is an RSA key; use ps256, ps384 or ps512'",
    })
    void aMismatchIsRefusedNamingTheAlgorithmTheCurveAndTheRightAlgorithm(
            SigningAlgorithm alg, String kind, String message) {
        assertThatThrownBy(() -> key(kind, alg))
                .isInstanceOf(SigningKey.AlgorithmMismatchException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} with a {1} key signs")
    @CsvSource({"ES256, P-256", "ES384, P-384", "ES512, P-521", "PS256, RSA", "PS512, RSA", "ED25519, Ed25519"})
    void theFittingKeyIsAccepted(SigningAlgorithm alg, String kind) throws Exception {
        SigningKey k = key(kind, alg);
        assertThat(Cose.verify(alg.cose, k.chain().get(0).getPublicKey(), new byte[] {1, 2}, k.sign(new byte[] {1, 2})))
                .isTrue();
    }
}
