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
import org.pramaan.media.MediaSource;
import org.pramaan.provenance.c2pa.Action;
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

/**
 * Issue 14: a signed H.264/AAC MP4 whose pixels a label writer re-encoded is re-signed like a labelled image:
 * the input's manifest its parent ({@code c2pa.opened}, then {@code c2pa.edited}), the implicit labels written
 * back, the BMFF hash over the new bytes. Our reader and the reference SDK (c2pa-node) both judge it Trusted;
 * without a key the answer says the old manifest was carried and not re-signed.
 */
@ExtendWith(C2paPeer.Resolver.class)
class VideoLabelResignPeerTest {
    @TempDir
    Path tmp;

    private static C2paSigner signer() throws Exception {
        Path certs = SharedTestData.folder("c2pa/certs");
        return new C2paSigner(
                SigningKey.fromPem(
                        Files.readString(certs.resolve("es256.pem")),
                        Files.readString(certs.resolve("es256.pub")),
                        SigningAlgorithm.ES256),
                TrustSettings.none(Clock.systemUTC()),
                "pramaan-test",
                "1.0");
    }

    /** A 3 s 320×240 H.264/AAC MP4 made by ffmpeg, signed by our signer as a generator would sign it. */
    private byte[] signedVideo(C2paSigner signer) throws Exception {
        Path mp4 = tmp.resolve("in.mp4");
        ExternalTools.ffmpeg(
                tmp,
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25:duration=3",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=3",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest",
                mp4.toString());
        return signer.sign(
                        Files.readAllBytes(mp4),
                        ManifestRequest.created("trainedAlgorithmicMedia", "videogen 1.0"),
                        C2paSigner.Placement.EMBEDDED)
                .asset();
    }

    /** What a video label writer does to the file: pixels changed and re-encoded, audio copied, metadata gone. */
    private byte[] burnIn(byte[] signed) throws Exception {
        Path in = Files.write(tmp.resolve("signed.mp4"), signed);
        Path out = tmp.resolve("labelled.mp4");
        ExternalTools.ffmpeg(
                tmp,
                "-i",
                in.toString(),
                "-vf",
                "drawbox=x=8:y=200:w=120:h=30:color=white:t=fill:enable='lt(t,2)'",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "copy",
                "-map_metadata",
                "-1",
                out.toString());
        return Files.readAllBytes(out);
    }

    @Test
    void aLabelledSignedMp4IsReSignedWithItsParentAndTheReferenceValidatesItTrusted(C2paPeer peer) throws Exception {
        ExternalTools.require("ffmpeg", "ffmpeg");
        C2paSigner signer = signer();
        byte[] input = signedVideo(signer);
        byte[] labelled = burnIn(input);
        assertThat(C2paSigner.carriesManifest(labelled))
                .as("the re-encode dropped the manifest")
                .isFalse();

        VisibleLabels.Finished done = VisibleLabels.finishVideo(input, labelled, () -> Optional.of(signer));
        assertThat(done.carriedManifest()).isTrue();
        assertThat(done.resigned()).isTrue();
        assertThat(MetadataLabels.read(done.bytes()).digitalSourceTypes())
                .as("the IPTC source type written back, once")
                .hasSize(1);

        Path certs = SharedTestData.folder("c2pa/certs");
        String anchors = Files.readString(certs.resolve("trust/test_cert_root_bundle.pem"));
        String cfg = Files.readString(certs.resolve("trust/store.cfg"));
        List<String> problems = new ArrayList<>();
        C2paOutcome ours = new C2paReader(TrustSettings.fromPem(anchors, cfg, Clock.systemUTC()))
                .read(MediaSource.of(done.bytes()));
        if (!(ours instanceof C2paOutcome.Read o) || o.report().state() != ValidationState.TRUSTED)
            problems.add("our reader says " + ours);
        else {
            List<String> names = o.report().activeSummary().orElseThrow().actions().stream()
                    .map(Action::action)
                    .toList();
            if (!names.equals(List.of("c2pa.opened", "c2pa.edited"))) problems.add("our reader shows " + names);
            if (o.report().manifests().size() != 2)
                problems.add("manifests " + o.report().manifests());
        }

        C2paPeer.Result read =
                peer.read(Files.write(tmp.resolve("out.mp4"), done.bytes()), Optional.of(anchors), Optional.of(cfg));
        if (!(read instanceof C2paPeer.Result.Store s)) problems.add("peer says " + read);
        else {
            JsonNode j = s.json();
            JsonNode failures =
                    j.path("validation_results").path("activeManifest").path("failure");
            if (!j.path("validation_state").asText().equals("Trusted") || !failures.isEmpty())
                problems.add("peer state " + j.path("validation_state") + " failures " + failures);
            if (j.path("manifests").size() != 2)
                problems.add("peer manifests " + j.path("manifests").size());
            String assertions = j.path("manifests")
                    .path(j.path("active_manifest").asText())
                    .path("assertions")
                    .toString();
            if (!assertions.contains("c2pa.opened")
                    || !assertions.contains("c2pa.edited")
                    || !assertions.contains(VisibleLabels.AGENT)) problems.add("peer actions " + assertions);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void withoutAKeyTheOldManifestIsReportedNotReSignedAndAnUnsignedVideoIsNotSigned() throws Exception {
        ExternalTools.require("ffmpeg", "ffmpeg");
        C2paSigner signer = signer();
        byte[] input = signedVideo(signer);
        byte[] labelled = burnIn(input);
        VisibleLabels.Finished noKey = VisibleLabels.finishVideo(input, labelled, Optional::empty);
        assertThat(noKey.carriedManifest()).isTrue();
        assertThat(noKey.resigned()).isFalse();
        assertThat(C2paSigner.carriesManifest(noKey.bytes())).isFalse();

        List<String> asked = new ArrayList<>();
        VisibleLabels.Finished unsigned = VisibleLabels.finishVideo(labelled, labelled, () -> {
            asked.add("signer");
            return Optional.of(signer);
        });
        assertThat(unsigned.carriedManifest()).isFalse();
        assertThat(unsigned.resigned()).isFalse();
        assertThat(asked).as("the key is not opened for an unsigned input").isEmpty();
    }
}
