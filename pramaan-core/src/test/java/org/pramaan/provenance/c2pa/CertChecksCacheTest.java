package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CertChecks#signedBy} remembers answers (issue 18 speed work): a remembered "yes" must never
 * leak to a certificate that differs in one signature byte, nor to another issuer's key, however
 * often the intact pair was asked first.
 */
class CertChecksCacheTest {
    @Test
    void aRememberedSignatureDoesNotCoverAChangedCertificateOrAnotherIssuer() throws Exception {
        List<X509Certificate> chain =
                SigningFixtures.key(SigningAlgorithm.ES256).chain();
        X509Certificate leaf = chain.get(0), issuer = chain.get(1);
        for (int i = 0; i < 3; i++)
            assertThat(CertChecks.signedBy(leaf, issuer)).isTrue();

        byte[] der = leaf.getEncoded();
        der[der.length - 1] ^= 0x01; // inside the signature BIT STRING, the last field of the certificate
        X509Certificate forged = (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        assertThat(CertChecks.signedBy(forged, issuer)).isFalse();
        assertThat(CertChecks.signedBy(forged, issuer)).isFalse();

        X509Certificate otherIssuer =
                SigningFixtures.key(SigningAlgorithm.ES384).chain().get(1);
        assertThat(CertChecks.signedBy(leaf, otherIssuer)).isFalse();
        assertThat(CertChecks.signedBy(leaf, issuer)).isTrue();
    }
}
