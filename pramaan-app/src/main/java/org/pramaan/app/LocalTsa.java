package org.pramaan.app;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.pramaan.provenance.c2pa.TimeStamper;

/**
 * A throw-away RFC 3161 time-stamping authority living in memory: an RSA key, a self-signed certificate
 * with the critical EKU id-kp-timeStamping (RFC 3161 §2.3) and BouncyCastle's token generator over the
 * JDK's own providers. It exists for the start-up cache's training (issue 18, CLI start): real signed
 * files (CACA.jpg) carry an RSA TSA's token, whose verification (CMS, TSP, RSA, X.509 extensions) a
 * training without timestamps never loads. Nothing trusts it: a validator reports its tokens
 * {@code timeStamp.validated} but {@code timeStamp.untrusted}.
 */
final class LocalTsa implements TimeStamper {
    /** An arbitrary private-arc policy: the token must name one (RFC 3161 §2.4.2), no one checks it. */
    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

    private final TimeStampTokenGenerator generator;
    private final Clock clock;
    // Serials of a fixed width (2^62 + n), so every token of a run has the same DER length (TimeStamper).
    private final AtomicLong serial = new AtomicLong(1L << 62);

    /** @param rsaBits 2048 or 3072: the size real TSAs use, so the same RSA code paths run */
    LocalTsa(Clock clock, int rsaBits) throws GeneralSecurityException {
        this.clock = clock;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(rsaBits);
            KeyPair kp = g.generateKeyPair();
            Instant now = clock.instant();
            X509CertificateHolder cert = certificate(
                    new X500Name("CN=Pramaan training TSA, O=Pramaan"), kp, KeyPurposeId.id_kp_timeStamping, now);
            var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", kp.getPrivate(), cert);
            // A SHA-1 ESSCertID (SigningCertificate v1, RFC 2634 §5.4) as DigiCert's responder writes it
            // (CACA.jpg): the reader's BouncyCastle then loads the classes real tokens need.
            var sha1 = new JcaDigestCalculatorProviderBuilder()
                    .build()
                    .get(new DefaultDigestAlgorithmIdentifierFinder().find("SHA-1"));
            generator = new TimeStampTokenGenerator(signerInfo, sha1, POLICY);
            generator.addCertificates(new JcaCertStore(List.of(cert)));
        } catch (GeneralSecurityException e) {
            throw e;
        } catch (Exception e) { // BC's OperatorCreationException, TSPException, CertificateEncodingException
            throw new GeneralSecurityException("cannot make the training TSA: " + e.getMessage(), e);
        }
    }

    /**
     * A self-signed certificate shaped like a CA-issued one (critical basic constraints and key usage,
     * key identifiers, AIA, CRL distribution point, a policy; RFC 5280 §4.2), so that parsing real
     * signer and TSA certificates is part of the training. The URLs are {@code .invalid} (RFC 2606):
     * nothing is fetched.
     */
    static X509CertificateHolder certificate(X500Name name, KeyPair kp, KeyPurposeId eku, Instant now)
            throws Exception {
        JcaX509ExtensionUtils ids = new JcaX509ExtensionUtils();
        GeneralName ocsp = new GeneralName(GeneralName.uniformResourceIdentifier, "http://ocsp.pramaan.invalid");
        GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, "http://crl.pramaan.invalid/t.crl");
        String alg = kp.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.TWO,
                        Date.from(now.minusSeconds(3600)),
                        Date.from(now.plusSeconds(86_400)),
                        name,
                        kp.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(eku))
                .addExtension(Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(kp.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(kp.getPublic()))
                .addExtension(
                        Extension.authorityInfoAccess,
                        false,
                        new AuthorityInformationAccess(X509ObjectIdentifiers.ocspAccessMethod, ocsp))
                .addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)
                }))
                .addExtension(
                        Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(POLICY)))
                .build(new JcaContentSignerBuilder(alg).build(kp.getPrivate()));
    }

    @Override
    public byte[] stamp(byte[] data) {
        try {
            byte[] imprint = MessageDigest.getInstance("SHA-256").digest(data);
            TimeStampRequestGenerator request = new TimeStampRequestGenerator();
            request.setCertReq(true); // the token carries the TSA certificate, as validators need it
            return generator
                    .generate(
                            request.generate(TSPAlgorithms.SHA256, imprint),
                            BigInteger.valueOf(serial.getAndIncrement()),
                            Date.from(clock.instant()))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("the training TSA cannot stamp: " + e.getMessage(), e);
        }
    }
}
