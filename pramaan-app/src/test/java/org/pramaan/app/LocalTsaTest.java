package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaSource;
import org.pramaan.provenance.c2pa.C2paOutcome;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.provenance.c2pa.C2paReport;
import org.pramaan.provenance.c2pa.C2paSigner;
import org.pramaan.provenance.c2pa.ManifestRequest;
import org.pramaan.provenance.c2pa.SigningAlgorithm;
import org.pramaan.provenance.c2pa.SigningKey;
import org.pramaan.provenance.c2pa.StatusCode;
import org.pramaan.provenance.c2pa.TrustSettings;

/**
 * The start-up cache's training stamps a signed file with {@link LocalTsa} so that the timestamp's
 * verification is cached (issue 18): the signer's {@code sigTst2} (C2PA 2.2 §10.3.2.5 v2) must then be
 * one the normal reader accepts, or the training would cache the rejection path instead.
 */
class LocalTsaTest {
    @Test
    void aFileStampedByTheLocalTsaVerifiesWithAValidatedUntrustedTimestampInTheReport() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        Clock tsaClock = Clock.fixed(at, ZoneOffset.UTC);
        var signer = new C2paSigner(
                key(), TrustSettings.none(Clock.systemUTC()), "test", "1", Optional.of(new LocalTsa(tsaClock, 2048)));
        byte[] asset = signer.sign(
                        jpeg(),
                        ManifestRequest.created("trainedAlgorithmicMedia", "test"),
                        C2paSigner.Placement.EMBEDDED)
                .asset();

        C2paOutcome outcome = new C2paReader(TrustSettings.none(Clock.systemUTC())).read(MediaSource.of(asset));

        assertThat(outcome).isInstanceOf(C2paOutcome.Read.class);
        C2paReport report = ((C2paOutcome.Read) outcome).report();
        // The signer is self-signed, so untrusted; nothing else may fail (no timeStamp.* failure).
        assertThat(report.active().failure())
                .extracting(StatusCode::code)
                .containsExactly("signingCredential.untrusted");
        assertThat(report.active().success()).extracting(StatusCode::code).contains("timeStamp.validated");
        assertThat(report.active().informational()).extracting(StatusCode::code).contains("timeStamp.untrusted");
        // The signing time in the report is the TSA's genTime (§14.5.2), not the reader's "now".
        assertThat(new ObjectMapper()
                        .readTree(report.json())
                        .path("manifests")
                        .path(report.activeManifest())
                        .path("signature_info")
                        .path("time")
                        .asText())
                .isEqualTo(at.toString().replace("Z", "+00:00"));
    }

    @Test
    void tokensOfOneTsaHaveOneLengthWhateverTheData() throws Exception {
        LocalTsa tsa = new LocalTsa(Clock.systemUTC(), 2048);
        // The signer builds a store several times and needs every build the same size (TimeStamper).
        assertThat(tsa.stamp(new byte[] {1}).length)
                .isEqualTo(tsa.stamp(new byte[1000]).length)
                .isGreaterThan(1000); // an RSA-2048 signature (256 bytes) plus the certificate
    }

    private static SigningKey key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=LocalTsaTest signer, O=Pramaan");
        var cert = new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.ONE,
                        Date.from(now.minusSeconds(3600)),
                        Date.from(now.plusSeconds(3600)),
                        name,
                        kp.getPublic())
                .addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
        return SigningKey.fromPem(
                pem("PRIVATE KEY", kp.getPrivate().getEncoded()),
                pem("CERTIFICATE", cert.getEncoded()),
                SigningAlgorithm.parse("es256"));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) for (int x = 0; x < 64; x++) img.setRGB(x, y, x * 4 << 16 | y * 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
