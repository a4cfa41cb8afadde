package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * COSE_Sign1 as C2PA 2.2 §13.2 / §14.5 uses it: tag 18, detached payload (the claim bytes),
 * protected header with {@code alg} (label 1) and {@code x5chain} (label 33, leaf first), RFC 3161
 * tokens in the unprotected {@code sigTst}/{@code sigTst2}. ECDSA signatures are raw r‖s (RFC 9053 §2.1).
 */
record Cose(
        byte[] protectedBytes,
        JsonNode protectedMap,
        JsonNode unprotected,
        byte[] signature,
        Alg alg,
        List<X509Certificate> chain,
        LenientCert.Names signer) {

    /** The algorithms C2PA 2.2 §13.2 allows, with their COSE labels (RFC 9053 Tables 1, 2, 5). */
    enum Alg {
        ES256(-7, "Es256", "SHA256withECDSAinP1363Format", 0),
        ES384(-35, "Es384", "SHA384withECDSAinP1363Format", 0),
        ES512(-36, "Es512", "SHA512withECDSAinP1363Format", 0),
        PS256(-37, "Ps256", "RSASSA-PSS", 256),
        PS384(-38, "Ps384", "RSASSA-PSS", 384),
        PS512(-39, "Ps512", "RSASSA-PSS", 512),
        ED25519(-8, "Ed25519", "Ed25519", 0);

        final int label;
        final String display;
        final String jca;
        /** The SHA-2 size of an RSASSA-PSS algorithm, 0 for the others. */
        private final int pssBits;

        Alg(int label, String display, String jca, int pssBits) {
            this.label = label;
            this.display = display;
            this.jca = jca;
            this.pssBits = pssBits;
        }

        /**
         * RSASSA-PSS parameters (RFC 8230 §2: MGF1 with the same hash, salt as long as the hash),
         * built on each use: an enum constant holds only values known to be immutable.
         */
        Optional<PSSParameterSpec> pss() {
            if (pssBits == 0) return Optional.empty();
            MGF1ParameterSpec mgf = switch (pssBits) {
                case 256 -> MGF1ParameterSpec.SHA256;
                case 384 -> MGF1ParameterSpec.SHA384;
                default -> MGF1ParameterSpec.SHA512;
            };
            return Optional.of(new PSSParameterSpec("SHA-" + pssBits, "MGF1", mgf, pssBits / 8, 1));
        }

        static Optional<Alg> of(int label) {
            for (Alg a : values()) if (a.label == label) return Optional.of(a);
            return Optional.empty();
        }
    }

    static Cose parse(byte[] store, Jumbf.Box content) throws C2paException {
        return parse(store, content.contentStart(), content.contentLength());
    }

    static Cose parse(byte[] b, int off, int len) throws C2paException {
        JsonNode n = Cbor.read(b, off, len, "claim signature");
        if (!n.isArray() || n.size() != 4)
            throw new C2paException(
                    "claimSignature.malformed", "the claim signature is not a 4-element COSE_Sign1 array");
        byte[] prot = Cbor.bytes(n.get(0))
                .orElseThrow(() ->
                        new C2paException("claimSignature.malformed", "COSE protected header is not a byte string"));
        JsonNode pm = prot.length == 0
                ? Cbor.JSON.createObjectNode()
                : Cbor.read(prot, 0, prot.length, "COSE protected header");
        JsonNode unprot = n.get(1).isObject() ? n.get(1) : Cbor.JSON.createObjectNode();
        byte[] sig = Cbor.bytes(n.get(3))
                .orElseThrow(
                        () -> new C2paException("claimSignature.malformed", "COSE signature is not a byte string"));
        JsonNode algNode = pm.get("1");
        Alg alg = algNode != null && algNode.canConvertToInt()
                ? Alg.of(algNode.asInt()).orElse(null)
                : null;
        if (alg == null)
            throw new C2paException(
                    "algorithm.unsupported",
                    "COSE alg " + (algNode == null ? "missing" : algNode.toString()) + " is not one C2PA allows");
        List<byte[]> ders = ders(pm, unprot);
        List<X509Certificate> chain = new ArrayList<>();
        boolean gap = false;
        for (byte[] d : ders) {
            Optional<X509Certificate> c = certificate(d);
            // Unsound DER is refused, as the reference refuses it (CoseInvalidCert).
            if (c.isEmpty() && LenientCert.read(d).isEmpty())
                throw new C2paException(
                        "signingCredential.invalid",
                        "x5chain certificate " + (ders.indexOf(d) + 1) + " does not parse");
            // Kept leaf first and only up to the first certificate the JDK refuses: a chain with a gap links to
            // nothing.
            if (c.isEmpty()) gap = true;
            else if (!gap) chain.add(c.get());
        }
        // Names as the reference's structure reading gives them (it leaves out an attribute that is not valid
        // UTF-8, where the JDK substitutes characters); the JDK's when that reading fails.
        LenientCert.Names signer = chain.isEmpty()
                ? LenientCert.read(ders.get(0)).orElseThrow()
                : LenientCert.read(ders.get(0))
                        .orElseGet(() -> new LenientCert.Names(
                                CertChecks.subjectAttribute(chain.get(0), "O"),
                                CertChecks.subjectAttribute(chain.get(0), "CN"),
                                chain.get(0).getSerialNumber()));
        return new Cose(prot, pm, unprot, sig, alg, List.copyOf(chain), signer);
    }

    /** x5chain (label 33, or the text key older signers used); the protected header wins, unprotected is legacy (v1). */
    private static List<byte[]> ders(JsonNode pm, JsonNode unprot) throws C2paException {
        JsonNode x = first(pm, "33", "x5chain")
                .or(() -> first(unprot, "33", "x5chain"))
                .orElseThrow(() -> new C2paException("signingCredential.invalid", "COSE header has no x5chain"));
        List<byte[]> ders = new ArrayList<>();
        if (x.isBinary()) Cbor.bytes(x).ifPresent(ders::add);
        else if (x.isArray()) x.forEach(c -> Cbor.bytes(c).ifPresent(ders::add));
        if (ders.isEmpty()) throw new C2paException("signingCredential.invalid", "x5chain holds no certificate");
        return ders;
    }

    /**
     * The JDK's parse, or empty where it refuses the certificate; {@link LenientCert} then decides whether the
     * DER is sound enough to report the manifest with claimSignature.mismatch, as the reference does (issue 18).
     */
    private static Optional<X509Certificate> certificate(byte[] der) {
        try {
            return Optional.of((X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> first(JsonNode m, String a, String b) {
        JsonNode v = m.has(a) ? m.get(a) : m.get(b);
        return Optional.ofNullable(v);
    }

    /** RFC 9052 §4.4 Sig_structure {@code ["Signature1", protected, external_aad = h'', payload]}. */
    static byte[] toBeSigned(String context, byte[] protectedBytes, byte[] payload) {
        return new Cbor.Writer()
                .array(4)
                .text(context)
                .bytes(protectedBytes)
                .bytes(new byte[0])
                .bytes(payload)
                .toByteArray();
    }

    /** False without a parsed signing certificate: nothing can then vouch for the claim. */
    boolean verify(byte[] claimBytes) {
        if (chain.isEmpty()) return false;
        return verify(
                alg, chain.get(0).getPublicKey(), toBeSigned("Signature1", protectedBytes, claimBytes), signature);
    }

    static boolean verify(Alg alg, PublicKey key, byte[] tbs, byte[] sig) {
        try {
            Signature s = Signature.getInstance(alg.jca);
            if (alg.pss().isPresent()) s.setParameter(alg.pss().get());
            s.initVerify(key);
            s.update(tbs);
            return s.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a key that does not fit the algorithm, or a malformed signature, is a mismatch
        }
    }
}
