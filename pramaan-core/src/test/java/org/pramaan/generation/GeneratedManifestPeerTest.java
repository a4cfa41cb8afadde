package org.pramaan.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.labels.VisibleLabels;
import org.pramaan.media.MediaSource;
import org.pramaan.provenance.c2pa.Action;
import org.pramaan.provenance.c2pa.C2paOutcome;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.provenance.c2pa.C2paSigner;
import org.pramaan.provenance.c2pa.SigningAlgorithm;
import org.pramaan.provenance.c2pa.SigningKey;
import org.pramaan.provenance.c2pa.TrustSettings;
import org.pramaan.provenance.c2pa.ValidationState;
import org.pramaan.testing.C2paPeer;
import org.pramaan.testing.SharedTestData;
import org.pramaan.watermark.KeyedWatermark;
import org.pramaan.watermark.WatermarkKey;

/**
 * Issue 14: a generated output's manifest records its marks. After {@code c2pa.created} (with the
 * trainedAlgorithmicMedia source type) come the visible label as {@code c2pa.edited} and our watermark as
 * {@code c2pa.watermarked.unbound}, each exactly when its step marked the file; our reader shows them and the
 * reference SDK (c2pa-node) validates every combination as Trusted with no failure code.
 */
@ExtendWith(C2paPeer.Resolver.class)
class GeneratedManifestPeerTest {
    private static final WatermarkKey KEY =
            new WatermarkKey("acme", "acme generator key 0001".getBytes(StandardCharsets.US_ASCII));
    private static final GenerationContext CTX = GenerationContext.fromJson(org.pramaan.json.Json.read(
            "{\"modelId\":\"imagegen\",\"modelVersion\":\"2.1\",\"prompt\":\"a kite\",\"userId\":\"u-1\","
                    + "\"realName\":{\"verified\":true,\"method\":\"phone\"},\"profile\":\"CN\"}",
            JsonNode.class));
    private static final MarkStep.Request REQ =
            new MarkStep.Request("gen_1", "CN", Optional.empty(), OptionalLong.of(4242));

    @TempDir
    Path tmp;

    /** A textured picture large enough for the watermark (shorter side at least WatermarkStep.MIN_SIDE). */
    private static byte[] image(int w, int h, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(11);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int g = (int)
                        (60 + 80 * Math.sin(x / 23.0) * Math.cos(y / 31.0) + 90.0 * x / w + r.nextGaussian() * 12);
                int v = Math.max(0, Math.min(255, g));
                img.setRGB(x, y, v << 16 | Math.min(255, v + 20) << 8 | Math.max(0, v - 30));
            }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static C2paSigner signer() throws IOException {
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

    /** Runs the steps as Generations does (in order, listing those that marked) and signs with their actions. */
    private static C2paSigner.Signed generate(byte[] file, List<MarkStep> steps) throws IOException {
        List<MarkStep> applied = new ArrayList<>();
        byte[] out = file;
        for (MarkStep s : steps) {
            Optional<byte[]> m = s.apply(out, REQ);
            if (m.isPresent()) {
                out = m.get();
                applied.add(s);
            }
        }
        assertThat(applied).as("every step given marks these images").hasSameSizeAs(steps);
        return GeneratedManifest.sign(Optional.of(signer()), out, CTX, applied, REQ)
                .orElseThrow();
    }

    @Test
    void theManifestListsCreatedThenEachAppliedMarkAndTheReferenceValidatesItTrusted(C2paPeer peer) throws Exception {
        Path certs = SharedTestData.folder("c2pa/certs");
        String anchors = Files.readString(certs.resolve("trust/test_cert_root_bundle.pem"));
        String cfg = Files.readString(certs.resolve("trust/store.cfg"));
        MarkStep label = new VisibleLabelStep();
        MarkStep mark = new WatermarkStep(new KeyedWatermark(KEY), 77);
        List<String> problems = new ArrayList<>();
        for (String format : List.of("jpeg", "png"))
            for (List<MarkStep> steps :
                    List.of(List.<MarkStep>of(), List.of(label), List.of(mark), List.of(label, mark))) {
                String name = format + " " + steps.stream().map(MarkStep::name).toList();
                List<String> expected = new ArrayList<>(List.of("c2pa.created"));
                for (MarkStep s : steps) expected.add(s == label ? "c2pa.edited" : WatermarkStep.ACTION);
                C2paSigner.Signed signed = generate(image(320, 256, format), steps);

                // Our reader: the actions, in order, the first with the AI source type, each mark by its agent.
                C2paOutcome ours = new C2paReader(TrustSettings.fromPem(anchors, cfg, Clock.systemUTC()))
                        .read(MediaSource.of(signed.asset()));
                if (!(ours instanceof C2paOutcome.Read o) || o.report().state() != ValidationState.TRUSTED) {
                    problems.add(name + ": our reader says " + ours);
                    continue;
                }
                List<Action> actions = o.report().activeSummary().orElseThrow().actions();
                if (!actions.stream().map(Action::action).toList().equals(expected))
                    problems.add(name + ": our reader shows " + actions + ", expected " + expected);
                if (!actions.getFirst().digitalSourceType().orElse("").endsWith("/trainedAlgorithmicMedia"))
                    problems.add(name + ": created without the AI source type: " + actions.getFirst());
                if (steps.contains(label)
                        && actions.stream()
                                .noneMatch(a -> a.softwareAgent().orElse("").equals(VisibleLabels.AGENT)))
                    problems.add(name + ": the label's agent is missing: " + actions);

                // The reference SDK: Trusted, no failure, the same actions, the label's description names profile CN.
                Path f = Files.write(
                        tmp.resolve("gen-" + problems.size() + "-" + name.hashCode() + "." + format), signed.asset());
                C2paPeer.Result read = peer.read(f, Optional.of(anchors), Optional.of(cfg));
                if (!(read instanceof C2paPeer.Result.Store s)) {
                    problems.add(name + ": peer says " + read);
                    continue;
                }
                JsonNode j = s.json();
                JsonNode failures =
                        j.path("validation_results").path("activeManifest").path("failure");
                if (!j.path("validation_state").asText().equals("Trusted") || !failures.isEmpty())
                    problems.add(name + ": peer state " + j.path("validation_state") + " failures " + failures);
                List<String> peerActions = new ArrayList<>();
                String description = "";
                for (JsonNode a : j.path("manifests")
                        .path(j.path("active_manifest").asText())
                        .path("assertions"))
                    if (a.path("label").asText().startsWith("c2pa.actions"))
                        for (JsonNode act : a.path("data").path("actions")) {
                            peerActions.add(act.path("action").asText());
                            if (act.path("action").asText().equals("c2pa.edited"))
                                description = act.path("description").asText();
                        }
                if (!peerActions.equals(expected))
                    problems.add(name + ": the reference reads " + peerActions + ", expected " + expected);
                if (steps.contains(label) && !(description.contains("profile CN") && description.contains("AI")))
                    problems.add(name + ": label description '" + description + "'");
            }
        assertThat(problems).isEmpty();
    }
}
