package org.pramaan.provenance.c2pa;

import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles and signs one manifest store (C2PA 2.2 §11.1): {@code c2pa} superbox holding any carried
 * ingredient manifests, then the new active manifest (last, §11.1.2) with its assertion store, a
 * {@code c2pa.claim.v2} claim (§10.2.2) and the COSE_Sign1 claim signature (§13.2).
 */
final class StoreBuilder {
    static final String ALG = "sha256";

    /** An assertion: its label and CBOR content. */
    record Assertion(String label, byte[] cbor) {}

    private StoreBuilder() {}

    /**
     * @param carried  whole {@code c2ma} superboxes copied from ingredient stores (placed before the active one)
     * @param identity the claim's fixed fields: label, instanceID, title, generator
     */
    static byte[] build(Identity identity, List<byte[]> carried, List<Assertion> assertions, SigningKey key) {
        return build(identity, carried, assertions, key, Optional.empty());
    }

    /** As {@link #build(Identity, List, List, SigningKey)}, with a {@code sigTst2} timestamp from {@code tsa} when given. */
    static byte[] build(
            Identity identity,
            List<byte[]> carried,
            List<Assertion> assertions,
            SigningKey key,
            Optional<TimeStamper> tsa) {
        List<byte[]> boxes = new ArrayList<>();
        List<Object> refs = new ArrayList<>();
        for (Assertion a : assertions) {
            byte[] box = JumbfWriter.cborAssertion(a.label(), a.cbor());
            boxes.add(box);
            // §8.4.2: assertion URIs are relative to the manifest; alg falls back to the claim's.
            refs.add(Map.of(
                    "url", "self#jumbf=c2pa.assertions/" + a.label(), "hash", JumbfWriter.contentHash(ALG, box)));
        }
        byte[] claim = CborEncoder.encode(claim(identity, refs));
        byte[] cose = sign(claim, key, tsa);
        byte[] manifest = JumbfWriter.superbox(
                "c2ma",
                identity.label(),
                List.of(
                        JumbfWriter.superbox("c2as", "c2pa.assertions", boxes),
                        JumbfWriter.superbox("c2cl", "c2pa.claim.v2", List.of(JumbfWriter.box("cbor", claim))),
                        JumbfWriter.superbox("c2cs", "c2pa.signature", List.of(JumbfWriter.box("cbor", cose)))));
        List<byte[]> all = new ArrayList<>(carried);
        all.add(manifest);
        return JumbfWriter.superbox("c2pa", "c2pa", all);
    }

    /** The fixed fields of a claim; kept across the placeholder and final builds so only hashes change. */
    record Identity(String label, String instanceId, String title, String generatorName, String generatorVersion) {}

    private static Map<String, Object> claim(Identity id, List<Object> refs) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("instanceID", id.instanceId());
        c.put("claim_generator_info", Map.of("name", id.generatorName(), "version", id.generatorVersion()));
        c.put(
                "signature",
                "self#jumbf=/c2pa/" + id.label() + "/c2pa.signature"); // §10.2.2: absolute URI of the signature box
        c.put("created_assertions", refs);
        c.put("alg", ALG);
        if (!id.title().isEmpty()) c.put("dc:title", id.title());
        return c;
    }

    /**
     * COSE_Sign1_Tagged (RFC 9052 §4.2) with a detached payload. §14.6 (2.x): {@code alg} (label 1) and
     * {@code x5chain} (label 33) go in the protected header so they are covered by the signature; a
     * lone certificate is a byte string, several an array. With a {@code tsa}, the unprotected header gets
     * {@code sigTst2} (§10.3.2.5, v2): one token imprinting the CounterSignature structure over the
     * CBOR-encoded signature, in {@code tstTokens[0].val}; without one, validators judge the certificate
     * at read time.
     */
    static byte[] sign(byte[] claim, SigningKey key, Optional<TimeStamper> tsa) {
        List<Object> ders = new ArrayList<>();
        try {
            for (var c : key.chain()) ders.add(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("a chain certificate cannot be encoded: " + e.getMessage(), e);
        }
        Map<Integer, Object> prot = Map.of(1, key.alg().cose.label, 33, ders.size() == 1 ? ders.get(0) : ders);
        byte[] protectedBytes = CborEncoder.encode(prot);
        byte[] sig = key.sign(Cose.toBeSigned("Signature1", protectedBytes, claim));
        Map<String, Object> unprotected = Map.of();
        if (tsa.isPresent()) {
            byte[] data = Cose.toBeSigned("CounterSignature", protectedBytes, CborEncoder.encode(sig));
            byte[] token = tsa.get().stamp(data);
            unprotected = Map.of("sigTst2", Map.of("tstTokens", List.of(Map.of("val", token))));
        }
        return CborEncoder.encode(
                new CborEncoder.Tagged(18, List.of(protectedBytes, unprotected, CborEncoder.NULL, sig)));
    }
}
