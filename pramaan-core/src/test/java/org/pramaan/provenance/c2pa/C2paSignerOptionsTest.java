package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.JpegSegments;
import org.pramaan.testing.TinyMedia;

/** Sidecars, ingredients, stores split over several JPEG segments, and the errors of bad input. */
class C2paSignerOptionsTest {
    @TempDir
    Path dir;

    @Test
    void sidecarLeavesTheAssetAloneAndBindsToIt() throws Exception {
        for (byte[] asset : new byte[][] {TinyMedia.png(), TinyMedia.mp4()}) {
            C2paSigner.Signed s = SigningFixtures.signer(SigningAlgorithm.ES256)
                    .sign(asset, ManifestRequest.created("digitalCapture", "cam"), C2paSigner.Placement.SIDECAR);
            assertThat(s.asset()).isEqualTo(asset);
            Path file = Files.write(dir.resolve("a.bin"), asset);
            Files.write(dir.resolve("a.c2pa"), s.manifestStore());
            C2paOutcome o = new C2paReader(SigningFixtures.trust()).read(file);
            assertThat(((C2paOutcome.Read) o).report().state()).isEqualTo(ValidationState.TRUSTED);
            byte[] other = asset.clone();
            other[other.length - 3] ^= 1;
            Files.write(file, other);
            assertThat(((C2paOutcome.Read) new C2paReader(SigningFixtures.trust()).read(file))
                            .report()
                            .active()
                            .failureCodes())
                    .isNotEmpty();
        }
    }

    @Test
    void signedIngredientIsCarriedAndValidated() throws Exception {
        C2paSigner signer = SigningFixtures.signer(SigningAlgorithm.ES256);
        byte[] parent = signer.sign(
                        TinyMedia.jpeg(),
                        ManifestRequest.created("digitalCapture", "camera"),
                        C2paSigner.Placement.EMBEDDED)
                .asset();
        for (ManifestRequest.Relationship rel : ManifestRequest.Relationship.values()) {
            ManifestRequest req = ManifestRequest.created("compositeWithTrainedAlgorithmicMedia", "editor")
                    .withIngredient(new ManifestRequest.Ingredient(parent, "parent.jpg", rel));
            C2paSigner.Signed s = signer.sign(TinyMedia.png(), req, C2paSigner.Placement.EMBEDDED);
            C2paReport r = C2paSignerTest.read(s.asset(), SigningFixtures.trust());
            assertThat(r.state()).as(r.json()).isEqualTo(ValidationState.TRUSTED);
            assertThat(r.manifests()).hasSize(2);
            assertThat(r.json())
                    .contains("ingredient.manifest.validated")
                    .contains(rel.wire)
                    .contains(rel == ManifestRequest.Relationship.PARENT_OF ? "c2pa.opened" : "c2pa.placed");
        }
        ManifestRequest plain = ManifestRequest.created("trainedAlgorithmicMedia", "gen")
                .withIngredient(new ManifestRequest.Ingredient(
                        TinyMedia.wav(), "prompt.wav", ManifestRequest.Relationship.COMPONENT_OF));
        C2paReport r = C2paSignerTest.read(
                signer.sign(TinyMedia.jpeg(), plain, C2paSigner.Placement.EMBEDDED)
                        .asset(),
                TrustSettings.none(Clock.systemUTC()));
        assertThat(r.state()).isEqualTo(ValidationState.VALID);
        assertThat(r.json()).contains("ingredient.unknownProvenance");
    }

    @Test
    void largeStoreSpansSeveralApp11Segments() throws Exception {
        String agent = "agent-" + "x".repeat(150_000);
        C2paSigner.Signed s = SigningFixtures.signer(SigningAlgorithm.ES256)
                .sign(
                        TinyMedia.jpeg(),
                        ManifestRequest.created("algorithmicMedia", agent),
                        C2paSigner.Placement.EMBEDDED);
        long app11 = JpegSegments.walk(MediaSource.of(s.asset())).segments().stream()
                .filter(x -> x.isApp(11))
                .count();
        assertThat(app11).isEqualTo(3);
        assertThat(C2paSignerTest.read(s.asset(), SigningFixtures.trust()).state())
                .isEqualTo(ValidationState.TRUSTED);
    }

    @Test
    void badInputIsAClearError() throws Exception {
        C2paSigner signer = SigningFixtures.signer(SigningAlgorithm.ES256);
        ManifestRequest req = ManifestRequest.created("trainedAlgorithmicMedia", "x");
        assertThatThrownBy(() -> signer.sign("GIF89a....".getBytes(), req, C2paSigner.Placement.EMBEDDED))
                .hasMessageContaining("not supported");
        assertThat(C2paSigner.signableFormat(TinyMedia.mp3())).contains("audio/mpeg");
        assertThat(C2paSigner.signableFormat(new byte[] {1, 2, 3})).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> ManifestRequest.created("deepfake", "x"))
                .hasMessageContaining("unknown digital source type 'deepfake'");
        assertThat(ManifestRequest.created(DigitalSourceType.PREFIX + "digitalCapture", "x")
                        .digitalSourceType())
                .isEqualTo(DigitalSourceType.PREFIX + "digitalCapture");
        C2paSigner later = new C2paSigner(
                SigningFixtures.key(SigningAlgorithm.ES256),
                TrustSettings.none(
                        Clock.fixed(java.time.Instant.parse("2100-01-01T00:00:00Z"), java.time.ZoneOffset.UTC)),
                "t",
                "1");
        assertThatThrownBy(() -> later.sign(TinyMedia.jpeg(), req, C2paSigner.Placement.EMBEDDED))
                .hasMessageContaining("not valid now");
        assertThatThrownBy(() -> SigningAlgorithm.parse("rs256")).hasMessageContaining("es256 es384");
        var certs = org.pramaan.testing.SharedTestData.folder("c2pa/certs");
        assertThatThrownBy(() -> SigningKey.fromPem(
                        Files.readString(certs.resolve("es256.pem")),
                        Files.readString(certs.resolve("es256.pub")),
                        SigningAlgorithm.PS256))
                .hasMessageContaining("ps256 needs an RSA key, but the key is a P-256 key; use es256");
        assertThatThrownBy(() -> SigningKey.fromPem(
                        Files.readString(certs.resolve("es256.pem")),
                        Files.readString(certs.resolve("es384.pub")),
                        SigningAlgorithm.ES256))
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> SigningKey.fromPem(
                        "junk", Files.readString(certs.resolve("es256.pub")), SigningAlgorithm.ES256))
                .hasMessageContaining("private key");
    }
}
