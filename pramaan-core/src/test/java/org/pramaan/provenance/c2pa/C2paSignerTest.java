package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pramaan.media.MediaSource;
import org.pramaan.testing.TinyMedia;

/** Sign → read back with our own reader: Valid, Trusted with the test anchors, and each tampering caught. */
class C2paSignerTest {
    private static final String AGENT = "Pramaan-test-agent";

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("jpeg", (Supplier<byte[]>) TinyMedia::jpeg, false),
                Arguments.of("png", (Supplier<byte[]>) TinyMedia::png, false),
                Arguments.of("webp", (Supplier<byte[]>) TinyMedia::webp, false),
                Arguments.of("wav", (Supplier<byte[]>) TinyMedia::wav, false),
                Arguments.of("mp3", (Supplier<byte[]>) TinyMedia::mp3, false),
                Arguments.of("mp4", (Supplier<byte[]>) TinyMedia::mp4, true));
    }

    static C2paReport read(byte[] asset, TrustSettings trust) throws Exception {
        C2paOutcome o = new C2paReader(trust).read(MediaSource.of(asset));
        assertThat(o).as("outcome %s", o).isInstanceOf(C2paOutcome.Read.class);
        return ((C2paOutcome.Read) o).report();
    }

    static C2paSigner.Signed sign(SigningAlgorithm alg, byte[] asset) throws Exception {
        return SigningFixtures.signer(alg)
                .sign(
                        asset,
                        ManifestRequest.created("trainedAlgorithmicMedia", AGENT)
                                .withTitle("t"),
                        C2paSigner.Placement.EMBEDDED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void signedAssetValidatesAndTamperingIsCaught(String name, Supplier<byte[]> media, boolean bmff) throws Exception {
        C2paSigner.Signed s = sign(SigningAlgorithm.ES256, media.get());
        C2paReport r = read(s.asset(), TrustSettings.none(Clock.systemUTC()));
        assertThat(r.state()).as(r.json()).isEqualTo(ValidationState.VALID);
        assertThat(r.active().failureCodes()).containsExactly("signingCredential.untrusted");
        assertThat(r.activeManifest()).isEqualTo(s.manifestLabel());
        assertThat(r.json())
                .contains("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia")
                .contains(AGENT);
        assertThat(read(s.asset(), SigningFixtures.trust()).state()).isEqualTo(ValidationState.TRUSTED);

        int at = SigningFixtures.indexOf(s.asset(), s.manifestStore());
        assertThat(at).as("store embedded contiguously").isPositive();
        int end = at + s.manifestStore().length;
        int pixel = end >= s.asset().length - 8 ? at - 40 : s.asset().length - 13;
        assertThat(failures(flip(s.asset(), pixel)))
                .contains(bmff ? "assertion.bmffHash.mismatch" : "assertion.dataHash.mismatch");
        assertThat(failures(flip(s.asset(), end - 1)))
                .containsExactlyInAnyOrder("claimSignature.mismatch", "signingCredential.untrusted");
        int agent = SigningFixtures.indexOf(s.asset(), AGENT.getBytes(StandardCharsets.UTF_8));
        assertThat(failures(flip(s.asset(), agent + 2)))
                .containsExactlyInAnyOrder("assertion.hashedURI.mismatch", "signingCredential.untrusted");
        // Re-signing keeps the old manifest as the parent (issue 18: it used to be dropped silently) ...
        C2paSigner.Signed again = sign(SigningAlgorithm.ES256, s.asset());
        C2paReport kept = read(again.asset(), SigningFixtures.trust());
        assertThat(kept.state()).as(kept.json()).isEqualTo(ValidationState.TRUSTED);
        assertThat(kept.json()).contains(s.manifestLabel()).contains("parentOf").contains("c2pa.opened");
        // ... and replacing it swaps the store for one of the same shape rather than adding a second one.
        C2paSigner.Signed replaced = SigningFixtures.signer(SigningAlgorithm.ES256)
                .sign(
                        s.asset(),
                        ManifestRequest.created("trainedAlgorithmicMedia", AGENT)
                                .withTitle("t")
                                .replacingExisting(),
                        C2paSigner.Placement.EMBEDDED);
        assertThat(replaced.asset()).hasSize(s.asset().length);
        assertThat(read(replaced.asset(), SigningFixtures.trust()).state()).isEqualTo(ValidationState.TRUSTED);
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void everyAlgorithmSignsTrusted(SigningAlgorithm alg) throws Exception {
        C2paReport r = read(sign(alg, TinyMedia.jpeg()).asset(), SigningFixtures.trust());
        assertThat(r.state()).as(r.json()).isEqualTo(ValidationState.TRUSTED);
        assertThat(r.json()).contains("claimSignature.validated");
    }

    private static java.util.Set<String> failures(byte[] asset) throws Exception {
        return read(asset, TrustSettings.none(Clock.systemUTC())).active().failureCodes();
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x01;
        return c;
    }
}
