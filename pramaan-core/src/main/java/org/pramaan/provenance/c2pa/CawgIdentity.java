package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * CAWG identity assertions ({@code cawg.identity}, CAWG Identity Assertion 1.x §8) with an X.509
 * credential ({@code sig_type cawg.x509.cose}): the COSE_Sign1 over the stored {@code signer_payload}
 * is verified and its credential reported. CAWG keeps its own trust list, separate from the C2PA
 * one; none is configured here, so the credential is reported untrusted, as the reference SDK
 * (0.90) does with default CAWG settings. Other signature types are recorded as present only.
 */
final class CawgIdentity {
    /** Each identity assertion costs a signature check; more than this per manifest are reported, not verified. */
    static final int MAX_PER_MANIFEST = 16;

    private CawgIdentity() {}

    static void check(ManifestStore store, Manifest m, ValidationResults.Log log) {
        int seen = 0;
        for (String label : m.assertions().keySet()) {
            if (!org.pramaan.limits.PlainText.withoutInstanceSuffix(label).equals("cawg.identity")) continue;
            if (++seen > MAX_PER_MANIFEST) {
                log.info(
                        "cawg.identity.unchecked",
                        "self#jumbf=/c2pa/" + m.label() + "/c2pa.assertions/" + label,
                        "more than " + MAX_PER_MANIFEST + " identity assertions; not verified");
                continue;
            }
            String url = "self#jumbf=/c2pa/" + m.label() + "/c2pa.assertions/" + label;
            Optional<Jumbf.Box> content = m.assertion(label)
                    .flatMap(Jumbf.Box::content)
                    .filter(c -> c.type().equals("cbor"));
            if (content.isEmpty()) continue;
            byte[] b = store.bytes();
            Jumbf.Box c = content.get();
            try {
                JsonNode a = Cbor.read(b, c.contentStart(), c.contentLength(), "assertion " + label);
                if (!Cbor.text(a.path("signer_payload"), "sig_type").equals("cawg.x509.cose")) continue;
                Optional<int[]> payload = Cbor.rawMapValue(b, c.contentStart(), c.end(), "signer_payload");
                byte[] sig = Cbor.bytes(a.get("signature")).orElse(new byte[0]);
                if (payload.isEmpty() || sig.length == 0) {
                    log.fail(
                            "cawg.identity.malformed",
                            url,
                            "CAWG identity assertion lacks signer_payload or signature");
                    continue;
                }
                Cose cose = Cose.parse(sig, 0, sig.length);
                byte[] p = java.util.Arrays.copyOfRange(b, payload.get()[0], payload.get()[1]);
                if (cose.verify(p))
                    log.success("cawg.identity.well-formed", url, "CAWG X.509 identity signature valid");
                else log.fail("claimSignature.mismatch", url, "CAWG X.509 identity signature is not valid");
                log.fail("signingCredential.untrusted", url, "signing certificate untrusted");
            } catch (C2paException e) {
                log.fail("cawg.identity.malformed", url, e.getMessage());
            }
        }
    }

    /**
     * The assertion as the report shows it, in the reference's shape (c2pa-rs identity IdentityAssertion
     * serialised for the Reader): the {@code signer_payload} (CAWG Identity Assertion 1.1: sig_type and
     * referenced_assertions) and, for {@code cawg.x509.cose} (§8.2, X.509 certificates and COSE signatures), the
     * COSE_Sign1 credential decoded into {@code signature_info} in place of the raw {@code signature};
     * {@code pad1}/{@code pad2} (zero filler that keeps the assertion's size stable) are left out. Other signature types are shown as stored.
     */
    static JsonNode reportData(JsonNode stored) {
        if (!Cbor.text(stored.path("signer_payload"), "sig_type").equals("cawg.x509.cose")) return stored;
        byte[] sig = Cbor.bytes(stored.path("signature")).orElse(new byte[0]);
        ObjectNode o = Cbor.JSON.createObjectNode();
        o.set("signer_payload", stored.get("signer_payload"));
        try {
            Cose cose = Cose.parse(sig, 0, sig.length);
            ObjectNode info = o.putObject("signature_info");
            info.put("alg", cose.alg().display);
            // As the reference: the subject O as issuer (left out when absent), no common name or time.
            if (!cose.signer().organization().isEmpty())
                info.put("issuer", cose.signer().organization());
            info.put("cert_serial_number", cose.signer().serial().toString());
            // c2pa-rs verify_signature always sets revocation_status Some(true): no OCSP is asked (offline).
            info.put("revocation_status", true);
        } catch (C2paException e) {
            return stored; // malformed: the validation log says why (cawg.identity.malformed)
        }
        return o;
    }
}
