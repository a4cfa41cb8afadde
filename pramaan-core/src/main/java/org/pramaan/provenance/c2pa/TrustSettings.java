package org.pramaan.provenance.c2pa;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Trust configuration for validation (C2PA 2.2 §14.4): the anchors a signing credential must chain
 * to for {@code signingCredential.trusted}, the accepted end-entity EKUs (a {@code store.cfg} list;
 * §14.4.1 default below), and the clock used when no timestamp fixes the signing time.
 *
 * @param anchors          trust anchors; empty means every signer is {@code signingCredential.untrusted}
 * @param ekus             accepted extended key usage OIDs
 * @param timestampAnchors extra roots for RFC 3161 timestamp authorities (§14.4: the TSA trust list), on top of
 *                         {@code anchors}; empty by default, like the reference's. Not the JDK's TLS roots: see
 *                         {@code TimeStamps.tsaTrusted}, which consults those only for legacy claim-v1 timestamps
 * @param clock            "now" for certificate validity when the signature carries no valid timestamp
 */
public record TrustSettings(
        List<X509Certificate> anchors, Set<String> ekus, List<X509Certificate> timestampAnchors, Clock clock) {
    /** id-kp-emailProtection, documentSigning, timeStamping, OCSPSigning, MS C2PA signing, C2PA claim signing. */
    public static final Set<String> DEFAULT_EKUS = Set.of(
            "1.3.6.1.5.5.7.3.4",
            "1.3.6.1.5.5.7.3.36",
            "1.3.6.1.5.5.7.3.8",
            "1.3.6.1.5.5.7.3.9",
            "1.3.6.1.4.1.311.76.59.1.9",
            "1.3.6.1.4.1.62558.2.1");

    public TrustSettings {
        anchors = List.copyOf(anchors);
        ekus = Set.copyOf(ekus);
        timestampAnchors = List.copyOf(timestampAnchors);
        java.util.Objects.requireNonNull(clock, "clock");
    }

    /** No anchors: signatures can be Valid, never Trusted (the reference SDK's default). */
    public static TrustSettings none(Clock clock) {
        return new TrustSettings(List.of(), DEFAULT_EKUS, List.of(), clock);
    }

    /** The JDK's default trust anchors (cacerts), loaded once; only legacy claim-v1 TSAs are judged against them. */
    public static List<X509Certificate> systemRoots() {
        return SystemRoots.ROOTS;
    }

    private static final class SystemRoots {
        static final List<X509Certificate> ROOTS = load();

        private static List<X509Certificate> load() {
            try {
                javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                        javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((java.security.KeyStore) null);
                for (var tm : tmf.getTrustManagers()) {
                    if (tm instanceof javax.net.ssl.X509TrustManager x) return List.of(x.getAcceptedIssuers());
                }
            } catch (java.security.GeneralSecurityException e) {
                return List.of(); // no system store: timestamps are then reported untrusted
            }
            return List.of();
        }
    }

    /**
     * Trust settings from a PEM anchor bundle and an EKU list.
     *
     * @param pemBundle PEM certificates used as anchors
     * @param storeCfg  EKU OIDs, one per line, {@code //} or {@code #} comments; blank for the default list
     */
    public static TrustSettings fromPem(String pemBundle, String storeCfg, Clock clock) {
        List<X509Certificate> anchors = new ArrayList<>();
        try {
            for (var c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pemBundle.getBytes(StandardCharsets.US_ASCII)))) {
                anchors.add((X509Certificate) c);
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(
                    "trust anchor bundle does not parse as PEM certificates: " + e.getMessage(), e);
        }
        if (anchors.isEmpty()) throw new IllegalArgumentException("trust anchor bundle holds no certificate");
        Set<String> ekus = new LinkedHashSet<>();
        for (String line : storeCfg.lines().toList()) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("//") || l.startsWith("#")) continue;
            if (!l.matches("[0-9]+(\\.[0-9]+)+"))
                throw new IllegalArgumentException("store.cfg line is not an OID: '" + l + "'");
            ekus.add(l);
        }
        return new TrustSettings(anchors, ekus.isEmpty() ? DEFAULT_EKUS : ekus, List.of(), clock);
    }
}
