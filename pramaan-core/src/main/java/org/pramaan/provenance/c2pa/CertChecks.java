package org.pramaan.provenance.c2pa;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Signing-credential checks of C2PA 2.2 §14.5.1 / §14.4: validity at the signing time, EKU against the
 * configured list, and chaining to an anchor. Each returns the status code it earns (or empty).
 */
final class CertChecks {
    private CertChecks() {}

    /** {@code signingCredential.expired} when the leaf is outside its validity at {@code at}. */
    static boolean validAt(X509Certificate leaf, Instant at) {
        // X.509 times are whole seconds and java.util.Date whole milliseconds: compare at millisecond precision, as
        // before.
        Instant t = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return !t.isBefore(leaf.getNotBefore().toInstant())
                && !t.isAfter(leaf.getNotAfter().toInstant());
    }

    /** §14.4.1: an end-entity certificate without an accepted EKU is {@code signingCredential.invalid}. */
    static boolean ekuAllowed(X509Certificate leaf, java.util.Set<String> allowed) {
        try {
            List<String> ekus = leaf.getExtendedKeyUsage();
            return ekus != null && ekus.stream().anyMatch(allowed::contains);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** Whether the chain (leaf first) links up by signatures and ends at, or is issued by, an anchor. */
    static boolean chainsToAnchor(List<X509Certificate> chain, List<X509Certificate> anchors) {
        if (anchors.isEmpty()) return false;
        for (int i = 0; i + 1 < chain.size(); i++) if (!signedBy(chain.get(i), chain.get(i + 1))) return false;
        for (X509Certificate c : chain) if (anchors.contains(c)) return true;
        X509Certificate top = chain.get(chain.size() - 1);
        return anchors.stream()
                .anyMatch(a -> sameName(a.getSubjectX500Principal(), top.getIssuerX500Principal()) && signedBy(top, a));
    }

    /**
     * RFC 5280 §7.1 name matching, as {@link X500Principal#equals} does it, with the byte-identical case
     * first: equal DER encodings are equal names, and issuer fields are nearly always copied byte for byte
     * from the issuer's subject. {@code equals} alone canonicalises both names through the JDK's ICU
     * normaliser, whose data loading was a visible share of a one-file {@code c2pa verify} (issue 18, CLI
     * start); names that {@link DnQuickCheck} proves different skip it too, and it still decides every
     * other pair, so no answer changes.
     */
    static boolean sameName(X500Principal a, X500Principal b) {
        byte[] ea = a.getEncoded();
        byte[] eb = b.getEncoded();
        if (java.util.Arrays.equals(ea, eb)) return true;
        // Plainly different names (the usual answer when walking up a chain) need no canonical form.
        return !DnQuickCheck.surelyDifferent(ea, eb) && a.equals(b);
    }

    /**
     * Whether {@code issuer}'s key verifies {@code c}'s signature. The answer depends only on the two
     * encodings (RFC 5280 §6.1.3 (a)(1): the signature over tbsCertificate, with the issuer's public key), and
     * the same signer and TSA chains come back file after file (RSA-4096 TSA chains cost most of a read), so
     * it is remembered, keyed by the certificate's whole DER and the issuer key's whole encoding. A
     * different byte in either is a different key; hostile files can only churn the bounded cache.
     */
    static boolean signedBy(X509Certificate c, X509Certificate issuer) {
        SignedByKey key;
        try {
            key = new SignedByKey(
                    java.nio.ByteBuffer.wrap(c.getEncoded()),
                    java.nio.ByteBuffer.wrap(issuer.getPublicKey().getEncoded()));
        } catch (java.security.cert.CertificateEncodingException | RuntimeException e) {
            return false;
        }
        Boolean known = SIGNED_BY.get(key);
        if (known != null) return known;
        boolean ok = verifies(c, issuer);
        if (SIGNED_BY.size() >= SIGNED_BY_MAX) SIGNED_BY.clear();
        SIGNED_BY.put(key, ok);
        return ok;
    }

    private record SignedByKey(java.nio.ByteBuffer cert, java.nio.ByteBuffer issuerKey) {}

    /** About 2 KB a pair: at most a few MB, far more signer and TSA chains than a deployment sees. */
    private static final int SIGNED_BY_MAX = 2048;

    private static final java.util.Map<SignedByKey, Boolean> SIGNED_BY = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean verifies(X509Certificate c, X509Certificate issuer) {
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The subject's O attribute (what the reference reports as {@code signature_info.issuer}). */
    static String subjectAttribute(X509Certificate c, String attr) {
        try {
            for (var rdn :
                    new javax.naming.ldap.LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase(attr)) return rdn.getValue().toString();
            }
        } catch (javax.naming.InvalidNameException e) {
            return "";
        }
        return "";
    }
}
