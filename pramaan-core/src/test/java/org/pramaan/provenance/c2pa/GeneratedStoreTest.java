package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.provenance.c2pa.JumbfTestBoxes.box;
import static org.pramaan.provenance.c2pa.JumbfTestBoxes.superbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whole manifest stores built and signed here (claim v2, one actions assertion), validated end to end. */
class GeneratedStoreTest {
    private static final CBORMapper CBOR = new CBORMapper();
    private final KeyPair keys;
    private final X509Certificate cert;

    GeneratedStoreTest() throws Exception {
        keys = CoseTest.keys(Cose.Alg.ES256);
        cert = CoseTest.cert(
                "CN=gen, O=Pramaan Test", keys, keys.getPrivate(), "CN=gen, O=Pramaan Test", false, "SHA256withECDSA");
    }

    byte[] store(String digitalSourceType) throws Exception {
        return store(digitalSourceType, new byte[0], new byte[0]);
    }

    byte[] store(String digitalSourceType, byte[] unreferencedAssertion) throws Exception {
        return store(digitalSourceType, unreferencedAssertion, new byte[0]);
    }

    /** A {@code c2pa.hash.data} assertion over {@code asset} minus bytes [10, 20) (C2PA 2.2 §18.5). */
    static byte[] dataHash(byte[] asset) throws Exception {
        return dataHash(asset, "c2pa.hash.data");
    }

    static byte[] dataHash(byte[] asset, String label) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        md.update(asset, 0, 10);
        md.update(asset, 20, asset.length - 20);
        ObjectNode a = CBOR.createObjectNode()
                .put("alg", "sha256")
                .put("hash", md.digest())
                .put("name", "jumbf manifest");
        a.putArray("exclusions").addObject().put("start", 10).put("length", 10);
        return superbox("cbor", label, box("cbor", CBOR.writeValueAsBytes(a)));
    }

    byte[] store(String digitalSourceType, byte[] unreferencedAssertion, byte[] hashAssertion) throws Exception {
        return store(
                digitalSourceType,
                unreferencedAssertion,
                hashAssertion.length == 0 ? List.of() : List.of(hashAssertion));
    }

    /** {@code hashAssertions} are referenced by the claim as c2pa.hash.data, c2pa.hash.data__1, … */
    byte[] store(String digitalSourceType, byte[] unreferencedAssertion, List<byte[]> hashAssertions) throws Exception {
        ObjectNode action = CBOR.createObjectNode().put("action", "c2pa.created");
        if (!digitalSourceType.isEmpty()) action.put("digitalSourceType", digitalSourceType);
        ObjectNode actions = CBOR.createObjectNode();
        actions.putArray("actions").add(action);
        byte[] assertion = superbox("cbor", "c2pa.actions.v2", box("cbor", CBOR.writeValueAsBytes(actions)));
        ObjectNode claim = CBOR.createObjectNode()
                .put("instanceID", "xmp:iid:1")
                .put("signature", "self#jumbf=c2pa.signature")
                .put("alg", "sha256");
        claim.putObject("claim_generator_info").put("name", "pramaan-test");
        claim.putArray("created_assertions")
                .addObject()
                .put("url", "self#jumbf=c2pa.assertions/c2pa.actions.v2")
                .put(
                        "hash",
                        Hashing.of(
                                "sha256",
                                assertion,
                                8,
                                assertion.length)); // §8.4.2.3: contents, not the superbox header
        java.io.ByteArrayOutputStream hashes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < hashAssertions.size(); i++) {
            byte[] h = hashAssertions.get(i);
            claim.withArray("created_assertions")
                    .addObject()
                    .put("url", "self#jumbf=c2pa.assertions/c2pa.hash.data" + (i == 0 ? "" : "__" + i))
                    .put("hash", Hashing.of("sha256", h, 8, h.length));
            hashes.writeBytes(h);
        }
        byte[] claimBytes = CBOR.writeValueAsBytes(claim);
        byte[] cose = CoseTest.sign1(Cose.Alg.ES256, keys.getPrivate(), List.of(cert), claimBytes);
        return superbox(
                "c2pa",
                "c2pa",
                superbox(
                        "c2ma",
                        "urn:c2pa:generated",
                        superbox("c2as", "c2pa.assertions", assertion, unreferencedAssertion, hashes.toByteArray()),
                        superbox("c2cl", "c2pa.claim.v2", box("cbor", claimBytes)),
                        superbox("c2cs", "c2pa.signature", box("cbor", cose))));
    }

    private C2paReport read(byte[] store, TrustSettings trust) throws Exception {
        C2paOutcome o = new C2paReader(trust).readStore(store, Optional.empty());
        assertThat(o).isInstanceOf(C2paOutcome.Read.class);
        return ((C2paOutcome.Read) o).report();
    }

    private static Clock now() {
        return Clock.fixed(Instant.now(), ZoneOffset.UTC);
    }

    @Test
    void signedStoreIsValidWithoutAnchorsAndTrustedWithItsRoot() throws Exception {
        byte[] s = store("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        C2paReport r = read(s, TrustSettings.none(now()));
        assertThat(r.state()).isEqualTo(ValidationState.VALID);
        assertThat(ValidationResults.codes(r.active().success()))
                .contains("claimSignature.validated", "assertion.hashedURI.match");
        assertThat(r.active().failureCodes()).containsExactly("signingCredential.untrusted");
        assertThat(ValidationResults.codes(r.active().informational())).contains("pramaan.hardBinding.unchecked");
        assertThat(r.activeSummary().orElseThrow().actions())
                .singleElement()
                .satisfies(a -> assertThat(a.digitalSourceType()).isPresent());
        TrustSettings anchored = new TrustSettings(List.of(cert), TrustSettings.DEFAULT_EKUS, List.of(), now());
        assertThat(read(s, anchored).state()).isEqualTo(ValidationState.TRUSTED);
        assertThat(r.json()).contains("\"validation_state\" : \"Valid\"", "\"claim_version\" : 2", "pramaan-test");
    }

    @Test
    void sidecarNextToTheAssetIsValidatedAgainstIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        byte[] asset = new byte[4096];
        new java.util.Random(7).nextBytes(asset);
        asset[0] = 'I';
        asset[1] = 'I';
        asset[2] = '*';
        asset[3] = 0; // a TIFF signature: a format that can carry C2PA
        asset[4] = 0;
        asset[5] = 0;
        asset[6] = 0;
        asset[7] = 0; // no IFD, so no embedded store
        java.nio.file.Files.write(dir.resolve("photo.tif"), asset);
        java.nio.file.Files.write(
                dir.resolve("photo.c2pa"),
                store(
                        "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                        new byte[0],
                        dataHash(asset)));
        C2paOutcome o = new C2paReader(TrustSettings.none(now())).read(dir.resolve("photo.tif"));
        C2paReport r = ((C2paOutcome.Read) o).report();
        assertThat(r.carrier()).isEqualTo("sidecar photo.c2pa");
        assertThat(ValidationResults.codes(r.active().success())).contains("assertion.dataHash.match");
        assertThat(r.state()).isEqualTo(ValidationState.VALID);
        asset[15] ^= 1; // inside the exclusion: still matches
        java.nio.file.Files.write(dir.resolve("photo.tif"), asset);
        assertThat(((C2paOutcome.Read) new C2paReader(TrustSettings.none(now())).read(dir.resolve("photo.tif")))
                        .report()
                        .state())
                .isEqualTo(ValidationState.VALID);
        asset[100] ^= 1; // outside it: the binding breaks
        java.nio.file.Files.write(dir.resolve("photo.tif"), asset);
        assertThat(((C2paOutcome.Read) new C2paReader(TrustSettings.none(now())).read(dir.resolve("photo.tif")))
                        .report()
                        .active()
                        .failureCodes())
                .contains("assertion.dataHash.mismatch");
    }

    @Test
    void aSecondHardBindingIsAFailureAndNotHashed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        byte[] asset = new byte[2048];
        asset[0] = 'I';
        asset[1] = 'I';
        asset[2] = '*';
        java.nio.file.Files.write(dir.resolve("a.tif"), asset);
        java.nio.file.Files.write(
                dir.resolve("a.c2pa"),
                store(
                        "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
                        new byte[0],
                        List.of(dataHash(asset), dataHash(asset, "c2pa.hash.data__1"))));
        C2paReport r =
                ((C2paOutcome.Read) new C2paReader(TrustSettings.none(now())).read(dir.resolve("a.tif"))).report();
        assertThat(r.active().failureCodes()).contains("assertion.multipleHardBindings");
        assertThat(r.active().success())
                .filteredOn(c -> c.code().equals("assertion.dataHash.match"))
                .hasSize(1);
    }

    @Test
    void createdActionWithoutSourceTypeIsMalformed() throws Exception {
        C2paReport r = read(store(""), TrustSettings.none(now()));
        assertThat(r.active().failureCodes()).contains("assertion.action.malformed");
        assertThat(r.state()).isEqualTo(ValidationState.INVALID);
    }

    @Test
    void credentialOutsideItsValidityIsExpired() throws Exception {
        Clock later = Clock.fixed(Instant.now().plusSeconds(86400L * 800), ZoneOffset.UTC);
        C2paReport r =
                read(store("http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"), TrustSettings.none(later));
        assertThat(r.active().failureCodes()).contains("signingCredential.expired");
        assertThat(r.state()).isEqualTo(ValidationState.INVALID);
    }

    @Test
    void assertionTheClaimDoesNotListIsUndeclared() throws Exception {
        byte[] extra = superbox(
                "cbor",
                "org.example.extra",
                box("cbor", CBOR.writeValueAsBytes(CBOR.createObjectNode().put("k", 1))));
        C2paReport r = read(
                store("http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture", extra),
                TrustSettings.none(now()));
        assertThat(r.active().failure()).anySatisfy(c -> {
            assertThat(c.code()).isEqualTo("assertion.undeclared");
            assertThat(c.url()).endsWith("/c2pa.assertions/org.example.extra");
        });
    }

    @Test
    void referencedAssertionThatIsGoneIsMissing() throws Exception {
        byte[] s = store("http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture");
        int at = new String(s, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("c2pa.actions.v2\0");
        s[at + 5] = 'X'; // rename the assertion box: the claim's reference no longer resolves
        assertThat(read(s, TrustSettings.none(now())).active().failureCodes()).contains("assertion.missing");
    }
}
