package org.pramaan.provenance.c2pa;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A claim-signing credential: private key, certificate chain (signer first, root optional, C2PA 2.2
 * §14.5.1 x5chain order) and algorithm. Construction checks that the key fits the algorithm and the
 * signer certificate, so a misconfiguration fails at start-up rather than as an invalid manifest.
 */
public record SigningKey(PrivateKey key, List<X509Certificate> chain, SigningAlgorithm alg) {
    public SigningKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) throw new IllegalArgumentException("the certificate chain is empty");
        KeyFit.check(key, alg);
        byte[] probe = "pramaan key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!Cose.verify(alg.cose, chain.get(0).getPublicKey(), probe, sign(key, alg, probe))) {
            throw new IllegalArgumentException("the private key does not belong to the first certificate of the chain ("
                    + chain.get(0).getSubjectX500Principal() + ")");
        }
    }

    /**
     * The algorithm does not fit the key (es384 with a P-256 key …); the message names the algorithm,
     * the key's type or curve and the algorithm that fits, so configuration can blame the algorithm setting.
     */
    public static final class AlgorithmMismatchException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        AlgorithmMismatchException(String message) {
            super(message);
        }
    }

    /** Reads a PKCS#8 or SEC1/PKCS#1 PEM private key and a PEM certificate chain. */
    public static SigningKey fromPem(String keyPem, String chainPem, SigningAlgorithm alg) {
        return new SigningKey(privateKey(keyPem), certificates(chainPem), alg);
    }

    byte[] sign(byte[] toBeSigned) {
        return sign(key, alg, toBeSigned);
    }

    private static byte[] sign(PrivateKey key, SigningAlgorithm alg, byte[] tbs) {
        try {
            Signature s = Signature.getInstance(alg.cose.jca);
            if (alg.cose.pss().isPresent()) s.setParameter(alg.cose.pss().get());
            s.initSign(key);
            s.update(tbs);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with " + alg + ": " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(String pem) {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o = p.readObject();
            JcaPEMKeyConverter c = new JcaPEMKeyConverter();
            if (o instanceof PrivateKeyInfo pki) return c.getPrivateKey(pki);
            if (o instanceof PEMKeyPair kp) return c.getKeyPair(kp).getPrivate();
            throw new IllegalArgumentException("the key file holds no unencrypted PEM private key"
                    + (o == null ? "" : " (found " + o.getClass().getSimpleName() + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException("the private key PEM does not parse: " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> certificates(String pem) {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new java.io.ByteArrayInputStream(
                            pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) throw new IllegalArgumentException("the chain file holds no PEM certificate");
            return out;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the certificate chain PEM does not parse: " + e.getMessage(), e);
        }
    }
}
