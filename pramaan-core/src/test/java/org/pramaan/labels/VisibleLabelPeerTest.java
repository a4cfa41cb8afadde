package org.pramaan.labels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.provenance.c2pa.C2paOutcome;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.provenance.c2pa.C2paSigner;
import org.pramaan.provenance.c2pa.ManifestRequest;
import org.pramaan.provenance.c2pa.SigningAlgorithm;
import org.pramaan.provenance.c2pa.SigningKey;
import org.pramaan.provenance.c2pa.TrustSettings;
import org.pramaan.provenance.c2pa.ValidationState;
import org.pramaan.testing.C2paPeer;
import org.pramaan.testing.ExternalTools;
import org.pramaan.testing.SharedTestData;

/** The reference SDK (c2pa-node) reads a labelled, re-signed file: valid, the old manifest its parent, the label an edit. */
@ExtendWith(C2paPeer.Resolver.class)
class VisibleLabelPeerTest {
    @Test
    void theReferenceSdkValidatesALabelledReSignedJpegAndPng(C2paPeer peer, @TempDir Path tmp) throws Exception {
        Path images = SharedTestData.folder("pdq/misc-images");
        List<String> problems = new ArrayList<>();
        for (String name : List.of("small.jpg", "c.png"))
            problems.addAll(labelAndCheck(peer, tmp, name, Files.readAllBytes(images.resolve(name)), Optional.empty()));
        assertThat(problems).isEmpty();
    }

    /**
     * Issue 14: a signed WebP, lossy and lossless, labelled (WebP back through an ffmpeg libwebp encoder),
     * its implicit labels written back into the XMP chunk and re-signed into its C2PA chunk: the reference
     * validates it, with the label recorded as {@code c2pa.edited}.
     */
    @Test
    void theReferenceSdkValidatesALabelledReSignedWebp(C2paPeer peer, @TempDir Path tmp) throws Exception {
        ExternalTools.require("ffmpeg", "ffmpeg");
        Path jpg = SharedTestData.folder("pdq/misc-images").resolve("small.jpg");
        WebpEncoder encoder = (img, lossless) -> {
            Path png = Files.createTempFile(tmp, "enc-", ".png"), webp = Files.createTempFile(tmp, "enc-", ".webp");
            javax.imageio.ImageIO.write(img, "png", png.toFile());
            ExternalTools.ffmpeg(
                    tmp,
                    "-i",
                    png.toString(),
                    "-c:v",
                    "libwebp",
                    "-lossless",
                    lossless ? "1" : "0",
                    "-f",
                    "webp",
                    webp.toString());
            return Files.readAllBytes(webp);
        };
        List<String> problems = new ArrayList<>();
        for (String mode : List.of("0", "1")) {
            Path in = tmp.resolve("in-" + mode + ".webp");
            ExternalTools.ffmpeg(tmp, "-i", jpg.toString(), "-c:v", "libwebp", "-lossless", mode, in.toString());
            problems.addAll(
                    labelAndCheck(peer, tmp, "small-" + mode + ".webp", Files.readAllBytes(in), Optional.of(encoder)));
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> labelAndCheck(
            C2paPeer peer, Path tmp, String name, byte[] input, Optional<WebpEncoder> webp) throws Exception {
        Path certs = SharedTestData.folder("c2pa/certs");
        C2paSigner signer = new C2paSigner(
                SigningKey.fromPem(
                        Files.readString(certs.resolve("es256.pem")),
                        Files.readString(certs.resolve("es256.pub")),
                        SigningAlgorithm.ES256),
                TrustSettings.none(Clock.systemUTC()),
                "pramaan-test",
                "1.0");
        String anchors = Files.readString(certs.resolve("trust/test_cert_root_bundle.pem"));
        String cfg = Files.readString(certs.resolve("trust/store.cfg"));
        List<String> problems = new ArrayList<>();
        C2paSigner.Signed first = signer.sign(
                input, ManifestRequest.created("trainedAlgorithmicMedia", "gen"), C2paSigner.Placement.EMBEDDED);
        VisibleLabels.Result r = VisibleLabels.apply(
                first.asset(), VisibleLabels.Request.of(LabelProfiles.bundled("CN")), () -> Optional.of(signer), webp);
        if (!r.resigned()) problems.add(name + ": not re-signed");
        Path out = Files.write(tmp.resolve("labelled-" + name), r.bytes());
        C2paPeer.Result read = peer.read(out, Optional.of(anchors), Optional.of(cfg));
        if (!(read instanceof C2paPeer.Result.Store s)) {
            problems.add(name + ": peer says " + read);
            return problems;
        }
        JsonNode j = s.json();
        JsonNode active = j.path("manifests").path(j.path("active_manifest").asText());
        if (!j.path("validation_state").asText().equals("Trusted"))
            problems.add(name + ": state " + j.path("validation_state") + " "
                    + j.path("validation_results").path("activeManifest").path("failure"));
        if (!j.path("manifests").has(first.manifestLabel())) problems.add(name + ": parent manifest missing");
        String actions = active.path("assertions").toString();
        if (!actions.contains("c2pa.opened")
                || !actions.contains("c2pa.edited")
                || !actions.contains(VisibleLabels.AGENT)) problems.add(name + ": actions " + actions);
        // The metadata labels survive the re-encode and the re-sign.
        if (MetadataLabels.read(r.bytes()).digitalSourceTypes().isEmpty())
            problems.add(name + ": no DigitalSourceType");
        // Our own reader judges the file as the reference does.
        C2paOutcome ours = new C2paReader(TrustSettings.fromPem(anchors, cfg, Clock.systemUTC()))
                .read(org.pramaan.media.MediaSource.of(r.bytes()));
        if (!(ours instanceof C2paOutcome.Read o) || o.report().state() != ValidationState.TRUSTED)
            problems.add(name + ": our reader says " + ours);
        return problems;
    }
}
