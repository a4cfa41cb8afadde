package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.pramaan.media.MediaSource;

/**
 * Validates one manifest (C2PA 2.2 §15.7-15.12): claim signature with timestamp and credential checks,
 * hashed URIs of every referenced assertion, and, for the active manifest, the hard binding to the
 * asset. Status codes and explanations follow the reference SDK so outputs compare one to one.
 */
final class ManifestValidator {
    /** The signature facts shown under {@code signature_info}. */
    record SignatureInfo(Cose.Alg alg, LenientCert.Names signer, Optional<Instant> time) {}

    record Validated(ValidationResults results, SignatureInfo signature) {}

    private final ManifestStore store;
    private final TrustSettings trust;
    private final java.util.Map<String, byte[]> hashes = new java.util.HashMap<>();

    ManifestValidator(ManifestStore store, TrustSettings trust) {
        this.store = store;
        this.trust = trust;
    }

    /** Whether a missing asset should be reported (a sidecar store read alone), not just skipped (ingredient manifests). */
    private boolean hardBindingRequested;

    ManifestValidator requestHardBinding() {
        hardBindingRequested = true;
        return this;
    }

    Validated validate(Manifest m, Optional<MediaSource> asset) throws C2paException, IOException {
        ValidationResults.Log log = new ValidationResults.Log();
        String sigUrl = "self#jumbf=/c2pa/" + m.label() + "/c2pa.signature";
        Cose cose = Cose.parse(store.bytes(), m.signature());
        Optional<TimeStamps.Checked> stamp = timestamp(cose, m, sigUrl, log);
        Optional<Instant> signedAt = stamp.flatMap(TimeStamps.Checked::time);
        if (cose.chain().isEmpty()) {
            // The signing certificate is sound DER the JDK refuses (issue 18): nothing verifies the claim; the
            // manifest is still reported with what it says, in the reference's order and codes.
            log.fail("signingCredential.untrusted", sigUrl, "signing certificate untrusted");
            log.fail("claimSignature.mismatch", sigUrl, "claim signature is not valid");
        } else {
            // Only a trusted TSA may fix the instant the credential is judged at (C2PA 2.2 §14.5.2); an
            // untrusted one is still shown as signature_info.time, as the reference does. Otherwise anyone
            // could stamp an expired credential with a home-made TSA's "earlier" time.
            signature(
                    cose,
                    m,
                    cose.chain().get(0),
                    stamp.filter(TimeStamps.Checked::trusted).flatMap(TimeStamps.Checked::time),
                    sigUrl,
                    log);
        }
        hashedUris(m, log);
        actions(m, log);
        if (asset.isPresent() && !m.update()) hardBinding(m, asset.get(), log);
        else if (asset.isEmpty() && hardBindingRequested) {
            log.info(
                    "pramaan.hardBinding.unchecked",
                    "self#jumbf=/c2pa/" + m.label(),
                    "no asset given: the hard binding to the content was not checked");
        }
        // After the C2PA checks, as the reference: CAWG identity assertions are validated once the claim and
        // its hard binding are (c2pa-rs runs the identity assertion checks after the store's validation).
        CawgIdentity.check(store, m, log);
        return new Validated(log.build(), new SignatureInfo(cose.alg(), cose.signer(), signedAt));
    }

    /** §14.5.2: an RFC 3161 token fixes the signing time; without a valid, trusted one, "now" is used. */
    private Optional<TimeStamps.Checked> timestamp(Cose cose, Manifest m, String sigUrl, ValidationResults.Log log) {
        Optional<TimeStamps.Checked> tst =
                TimeStamps.check(cose, m.claim().bytes(), m.claim().version(), trust);
        if (tst.isEmpty()) return tst;
        TimeStamps.Checked t = tst.get();
        if (!t.code().equals("timeStamp.validated")) {
            log.info(
                    t.code(),
                    sigUrl,
                    (t.code().equals("timeStamp.mismatch")
                                    ? "timestamp message digest did not match: "
                                    : "timestamp rejected: ")
                            + t.tsa());
            return Optional.empty();
        }
        log.success(t.code(), sigUrl, "timestamp message digest matched: " + t.tsa());
        if (t.trusted()) log.success("timeStamp.trusted", sigUrl, "timestamp cert trusted: " + t.tsa());
        else log.info("timeStamp.untrusted", sigUrl, "timestamp cert untrusted: " + t.tsa());
        return tst;
    }

    /** §15.7: the COSE signature over the claim, then the credential's validity, EKU and trust. */
    private void signature(
            Cose cose,
            Manifest m,
            X509Certificate leaf,
            Optional<Instant> signedAt,
            String sigUrl,
            ValidationResults.Log log) {
        // The reference judges the credential (validity, usage, trust) before the signature and reports it in that
        // order (c2pa-rs verify_cose), so outputs compare in order.
        if (!CertChecks.validAt(leaf, signedAt.orElse(trust.clock().instant())))
            log.fail("signingCredential.expired", sigUrl, "certificate expired");
        if (!CertChecks.ekuAllowed(leaf, trust.ekus()))
            log.fail("signingCredential.invalid", sigUrl, "certificate has no accepted extended key usage");
        boolean trusted = CertChecks.chainsToAnchor(cose.chain(), trust.anchors());
        if (trusted)
            log.success(
                    "signingCredential.trusted", sigUrl, "signing certificate trusted, found in System trust anchors");
        else log.fail("signingCredential.untrusted", sigUrl, "signing certificate untrusted");
        if (cose.verify(m.claim().bytes())) {
            log.success("claimSignature.insideValidity", sigUrl, "claim signature valid");
            log.success("claimSignature.validated", sigUrl, "claim signature valid");
        } else {
            log.fail("claimSignature.mismatch", sigUrl, "claim signature is not valid");
        }
    }

    /** §15.10: each assertion the claim references must exist and hash to the recorded value. */
    private void hashedUris(Manifest m, ValidationResults.Log log) throws C2paException {
        java.util.Set<Integer> referenced = new java.util.HashSet<>();
        for (HashedUri ref : m.claim().assertions()) {
            String url = "self#jumbf=/c2pa/" + m.label() + "/c2pa.assertions/" + ref.leaf();
            Optional<Jumbf.Box> box = store.resolve(ref.path(), m);
            if (box.isEmpty()) {
                log.fail("assertion.missing", url, "assertion missing: " + ref.url());
                continue;
            }
            if (Hashing.digest(ref.alg()).isEmpty()) {
                log.fail("algorithm.unsupported", url, "unsupported hash algorithm: " + ref.alg());
                continue;
            }
            // Memoised: a hostile claim may list one large assertion thousands of times.
            Jumbf.Box b = box.get();
            byte[] h = hashes.computeIfAbsent(
                    ref.alg() + "@" + b.start(), k -> Hashing.of(ref.alg(), store.bytes(), b.contentStart(), b.end()));
            referenced.add(box.get().start());
            if (MessageDigest.isEqual(h, ref.hash()))
                log.success("assertion.hashedURI.match", url, "hashed uri matched: " + ref.url());
            else if (m.claim().version() == 1 && prereleaseHash(box.get(), ref)) {
                throw new C2paException(
                        "manifest.prerelease", "assertion " + ref.leaf() + " is hashed the pre-1.0 way (payload only)");
            } else log.fail("assertion.hashedURI.mismatch", url, "hash does not match assertion data: " + ref.url());
        }
        // §15.10.1 (claim v2): every assertion in the manifest's assertion store must be referenced by the claim.
        if (m.claim().version() < 2) return;
        for (var e : m.assertions().entrySet()) {
            if (!referenced.contains(e.getValue().start())) {
                log.fail(
                        "assertion.undeclared",
                        "self#jumbf=/c2pa/" + m.label() + "/c2pa.assertions/" + e.getKey(),
                        "assertion not referenced by the claim: " + e.getKey());
            }
        }
    }

    /**
     * §18.14.2: a {@code c2pa.created} action must carry a digitalSourceType (the reference:
     * assertion.action.malformed). A 2.x rule: claim v1 manifests predate it and are not held to it.
     */
    private void actions(Manifest m, ValidationResults.Log log) throws C2paException {
        if (m.claim().version() < 2) return;
        for (String label : m.assertions().keySet()) {
            if (!Summaries.isActions(label)) continue;
            Optional<JsonNode> a = assertionCbor(m, label);
            if (a.isEmpty()) continue;
            for (JsonNode act : a.get().path("actions")) {
                if (Cbor.text(act, "action").equals("c2pa.created")
                        && Cbor.text(act, "digitalSourceType").isBlank()) {
                    log.fail(
                            "assertion.action.malformed",
                            "self#jumbf=/c2pa/" + m.label() + "/c2pa.assertions/" + label,
                            "c2pa.created action without a digitalSourceType");
                }
            }
        }
    }

    /** Pre-1.0 writers hashed only the content payload; the reference refuses such stores (PrereleaseError). */
    private boolean prereleaseHash(Jumbf.Box assertion, HashedUri ref) {
        Optional<Jumbf.Box> c = assertion.content();
        if (c.isEmpty()) return false;
        Jumbf.Box b = c.get();
        return MessageDigest.isEqual(
                hashes.computeIfAbsent(
                        ref.alg() + "@payload@" + b.start(),
                        k -> Hashing.of(ref.alg(), store.bytes(), b.contentStart(), b.end())),
                ref.hash());
    }

    /** §15.12: the hard binding (data hash or BMFF hash) over the asset; a claim without one fails. */
    private void hardBinding(Manifest m, MediaSource asset, ValidationResults.Log log)
            throws C2paException, IOException {
        boolean found = false;
        for (HashedUri ref : m.claim().assertions()) {
            String label = org.pramaan.limits.PlainText.withoutInstanceSuffix(ref.leaf());
            boolean data = label.equals("c2pa.hash.data"),
                    bmff = label.startsWith("c2pa.hash.bmff"),
                    boxes = label.equals("c2pa.hash.boxes");
            if (!data && !bmff && !boxes) continue;
            if (found) { // §15.12: exactly one hard binding; checking more would let a claim multiply the asset hashing
                log.fail(
                        "assertion.multipleHardBindings",
                        "self#jumbf=/c2pa/" + m.label() + "/c2pa.assertions/" + ref.leaf(),
                        "more than one hard binding");
                break;
            }
            found = true;
            String url = "self#jumbf=/c2pa/" + m.label() + "/c2pa.assertions/" + ref.leaf();
            Optional<JsonNode> a = assertionCbor(m, ref.leaf());
            if (a.isEmpty()) continue; // already reported as assertion.missing
            if (data) {
                if (DataHashCheck.additionalExclusions(a.get())) {
                    log.info("assertion.dataHash.additionalExclusionsPresent", url, "extra data hash exclusions found");
                }
                if (DataHashCheck.matches(a.get(), m.claim().alg(), asset))
                    log.success("assertion.dataHash.match", url, "data hash valid");
                else
                    log.fail(
                            "assertion.dataHash.mismatch",
                            url,
                            "asset hash error, name: " + Cbor.text(a.get(), "name")
                                    + ", error: hash verification( Hashes do not match )"); // the reference's words
            } else if (bmff) {
                int v = label.endsWith(".v3") ? 3 : label.endsWith(".v2") ? 2 : 1;
                BmffHashCheck.Outcome o =
                        BmffHashCheck.check(a.get(), v, m.claim().alg(), asset);
                if (o.match()) log.success("assertion.bmffHash.match", url, "BMFF hash valid");
                else log.fail("assertion.bmffHash.mismatch", url, "asset hash error: " + o.explanation());
            } else {
                log.fail("assertion.boxesHash.mismatch", url, "c2pa.hash.boxes is not verified by this reader");
            }
        }
        if (!found)
            log.fail(
                    "claim.hardBindings.missing",
                    "self#jumbf=/c2pa/" + m.label() + "/c2pa.claim",
                    "claim is missing a hard binding");
    }

    Optional<JsonNode> assertionCbor(Manifest m, String label) throws C2paException {
        Optional<Jumbf.Box> box = m.assertion(label);
        if (box.isEmpty()) return Optional.empty();
        Optional<Jumbf.Box> content = box.get().content();
        if (content.isEmpty()) return Optional.empty();
        Jumbf.Box c = content.get();
        if (c.type().equals("cbor"))
            return Optional.of(Cbor.read(store.bytes(), c.contentStart(), c.contentLength(), "assertion " + label));
        if (c.type().equals("json"))
            return Optional.of(Cbor.readJson(store.bytes(), c.contentStart(), c.contentLength(), "assertion " + label));
        return Optional.empty();
    }
}
