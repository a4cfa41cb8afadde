package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * RFC 3161 timestamps in the COSE unprotected header, verified offline (C2PA 2.2 §10.3.2.5, §14.5.2):
 * {@code sigTst} (v1) imprints the COSE countersign structure over the claim bytes; {@code sigTst2}
 * (v2) over the CBOR-encoded signature. The token's own CMS signature and imprint are checked; whether
 * the TSA is trusted is {@link #tsaTrusted}'s decision. BouncyCastle parses the token and the CMS, but
 * certificates and signatures go through the JDK's own providers, as the COSE signature does: building
 * a {@code BouncyCastleProvider} registers ~700 classes and its RSA keys run probable-prime tests on the
 * modulus, a third of the CPU of a one-file {@code pramaan c2pa verify} (issue 18, CLI start).
 */
final class TimeStamps {
    /** {@code code} is timeStamp.validated / mismatch / malformed; {@code time} set only when validated. */
    record Checked(String code, Optional<Instant> time, boolean trusted, String tsa) {}

    private TimeStamps() {}

    /** The RFC 3161 EKU a TSA certificate must carry (RFC 3161 §2.3); the reference requires it too. */
    static final String TIME_STAMPING_EKU = "1.3.6.1.5.5.7.3.8";

    /**
     * @param claimVersion the claim's version (1 for a C2PA 1.x claim): it selects the trust rule, see
     *                     {@link #tsaTrusted}
     */
    static Optional<Checked> check(Cose cose, byte[] claimBytes, int claimVersion, TrustSettings trust) {
        JsonNode v2 = cose.unprotected().get("sigTst2");
        JsonNode v1 = cose.unprotected().get("sigTst");
        if (v2 == null && v1 == null) return Optional.empty();
        byte[] data = v2 != null ? new Cbor.Writer().bytes(cose.signature()).toByteArray() : claimBytes;
        JsonNode tokens = (v2 != null ? v2 : v1).get("tstTokens");
        if (tokens == null || !tokens.isArray() || tokens.size() != 1) {
            return Optional.of(new Checked(
                    "timeStamp.malformed",
                    Optional.empty(),
                    false,
                    "tstTokens must hold exactly one token: " + (v2 != null ? v2 : v1)));
        }
        Optional<byte[]> der = Cbor.bytes(tokens.get(0).get("val"));
        if (der.isEmpty())
            return Optional.of(new Checked(
                    "timeStamp.malformed", Optional.empty(), false, "tstTokens[0].val is not a byte string"));
        return Optional.of(verify(
                der.get(), Cose.toBeSigned("CounterSignature", cose.protectedBytes(), data), claimVersion, trust));
    }

    private static Checked verify(byte[] der, byte[] tbs, int claimVersion, TrustSettings trust) {
        Optional<TimeStampToken> parsed = token(der);
        if (parsed.isEmpty())
            return new Checked(
                    "timeStamp.malformed", Optional.empty(), false, "neither a TimeStampToken nor a TimeStampResp");
        TimeStampToken token = parsed.get();
        try {
            var info = token.getTimeStampInfo();
            String alg = new DefaultAlgorithmNameFinder()
                    .getAlgorithmName(info.getMessageImprintAlgOID())
                    .replace("SHA", "SHA-");
            byte[] expected = MessageDigest.getInstance(alg).digest(tbs);
            @SuppressWarnings("unchecked")
            var matches = new ArrayList<>(token.getCertificates().getMatches(token.getSID()));
            if (matches.isEmpty())
                return new Checked("timeStamp.malformed", Optional.empty(), false, "token carries no TSA certificate");
            X509CertificateHolder holder = (X509CertificateHolder) matches.get(0);
            X509Certificate tsa = new JcaX509CertificateConverter().getCertificate(holder);
            String name = CertChecks.subjectAttribute(tsa, "CN");
            if (!MessageDigest.isEqual(expected, info.getMessageImprintDigest()))
                return new Checked("timeStamp.mismatch", Optional.empty(), false, name);
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            List<X509Certificate> chain = chain(tsa, token);
            boolean trusted = tsaTrusted(chain, claimVersion, trust);
            return new Checked(
                    "timeStamp.validated", Optional.of(info.getGenTime().toInstant()), trusted, name);
        } catch (Exception e) {
            return new Checked(
                    "timeStamp.mismatch",
                    Optional.empty(),
                    false,
                    "token signature does not verify: " + e.getMessage());
        }
    }

    /**
     * Whether a validated token's TSA is trusted (C2PA 2.2 §14.4 "Trust lists": a validator keeps a
     * list of trusted TSAs, and §14.5.2 / §15.7 time-stamp validation: a TSA that does not chain to it
     * earns the informational {@code timeStamp.untrusted}). The list is the configured anchors plus
     * {@link TrustSettings#timestampAnchors()}; it is NOT the JDK's TLS roots (cacerts), which is what
     * made Pramaan report {@code timeStamp.trusted} for the 2025 DigiCert responder of CACA.jpg and
     * C_with_CAWG_data.jpg where the reference (c2pa-rs 0.90.1) says {@code timeStamp.untrusted}: a web
     * PKI root is not a TSA trust list. The leaf must also carry id-kp-timeStamping (RFC 3161 §2.3).
     *
     * <p>Claim v1 (C2PA 1.x, {@code sigTst}) predates TSA trust lists: the reference does not check TSA
     * trust for such claims at all (c2pa-rs {@code Claim::verify_claim} turns
     * {@code verify_timestamp_trust} off when {@code claim.version() == 1}) and every 1.x fixture reports
     * {@code timeStamp.trusted} with no anchors configured. We keep one check there rather than none: a
     * legacy TSA must chain to the configured list or to the system roots, so a self-made "TSA" cannot
     * backdate the signing time into an expired credential's validity. Every shared 1.x fixture agrees
     * with the reference under this rule (their TSAs are DigiCert's, under a cacerts root).
     */
    static boolean tsaTrusted(List<X509Certificate> chain, int claimVersion, TrustSettings trust) {
        if (!CertChecks.ekuAllowed(chain.get(0), java.util.Set.of(TIME_STAMPING_EKU))) return false;
        if (CertChecks.chainsToAnchor(chain, trust.anchors())
                || CertChecks.chainsToAnchor(chain, trust.timestampAnchors())) return true;
        return claimVersion == 1 && CertChecks.chainsToAnchor(chain, TrustSettings.systemRoots());
    }

    /** A bare token, or (as some signers store it) a whole RFC 3161 TimeStampResp wrapping one. */
    private static Optional<TimeStampToken> token(byte[] der) {
        try {
            return Optional.of(new TimeStampToken(new CMSSignedData(der)));
        } catch (Exception e) { // BC throws assorted runtime and checked exceptions on junk
            try {
                return Optional.ofNullable(new TimeStampResponse(der).getTimeStampToken());
            } catch (Exception e2) {
                return Optional.empty();
            }
        }
    }

    /** The TSA certificate followed by its issuers found among the token's certificates (at most 8). */
    private static List<X509Certificate> chain(X509Certificate tsa, TimeStampToken token) throws Exception {
        List<X509Certificate> bag = new ArrayList<>();
        JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
        for (Object o : token.getCertificates().getMatches(null))
            bag.add(conv.getCertificate((X509CertificateHolder) o));
        List<X509Certificate> out = new ArrayList<>(List.of(tsa));
        X509Certificate at = tsa;
        for (int i = 0; i < 8 && !CertChecks.sameName(at.getSubjectX500Principal(), at.getIssuerX500Principal()); i++) {
            X509Certificate child = at;
            Optional<X509Certificate> up = bag.stream()
                    .filter(c -> CertChecks.sameName(c.getSubjectX500Principal(), child.getIssuerX500Principal())
                            && CertChecks.signedBy(child, c))
                    .findFirst();
            if (up.isEmpty() || out.contains(up.get())) break;
            out.add(up.get());
            at = up.get();
        }
        return out;
    }
}
