package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Role;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.labels.WebpEncoder;
import org.pramaan.testkit.TestImages;

/**
 * Issue 14, generator side, over real HTTP on a real server: a generated WebP comes back as WebP with
 * the visible label (found in the decoded pixels), our watermark, the implicit labels in its XMP chunk
 * and a C2PA manifest the server's verifier trusts; a generated video MP4 gets the label burned in for
 * the CN profile's opening seconds (found in a decoded frame, gone after), before metadata and C2PA.
 */
class GenerationWebpVideoEndToEndTest extends ServerTestBase {
    private static final String CONTEXT =
            "{\"modelId\":\"imagegen\",\"modelVersion\":\"2.1\",\"prompt\":\"a red kite\","
                    + "\"userId\":\"u-42\",\"realName\":{\"verified\":true,\"method\":\"phone-sms\"},\"profile\":\"CN\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    /** C2PA signing with the shared test certificates, plus our watermark key. */
    private static Map<String, String> signingConfig() {
        Path c = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa/certs");
        if (!Files.isDirectory(c)) {
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError("reference data missing in CI: " + c.toAbsolutePath());
            Assumptions.abort("reference data not found at " + c.toAbsolutePath());
        }
        Map<String, String> m = new HashMap<>(Map.of(
                "PRAMAAN_C2PA_SIGNING_KEY", c.resolve("es256.pem").toString(),
                "PRAMAAN_C2PA_SIGNING_CHAIN", c.resolve("es256.pub").toString(),
                "PRAMAAN_C2PA_TRUST_ANCHORS",
                        c.resolve("trust/test_cert_root_bundle.pem").toString(),
                "PRAMAAN_C2PA_TRUST_CONFIG", c.resolve("trust/store.cfg").toString()));
        m.put(
                "PRAMAAN_WATERMARK_KEYS",
                "gen1:"
                        + Base64.getEncoder()
                                .encodeToString(
                                        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        m.put("PRAMAAN_WATERMARK_SIGNING_KEY", "gen1");
        m.put("PRAMAAN_WATERMARK_OPERATOR_ID", "77");
        return m;
    }

    @Test
    void aGeneratedWebpComesBackAsWebpWithTheLabelWatermarkImplicitLabelsAndC2pa() throws Exception {
        Path in = LabelWebpCliTest.webp(dir, "gen.webp", false); // 640×480, lossy; skips without libwebp
        stop();
        start(signingConfig());
        String service = app.keys().create(Role.INGEST, "generator").secret();
        HttpResponse<byte[]> made =
                GenerationRequests.post(http, apiBase(), service, Files.readAllBytes(in), CONTEXT, Map.of());
        assertThat(made.statusCode())
                .as(new String(made.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        assertThat(made.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("image/webp"));
        assertThat(made.headers().firstValue("Pramaan-Generation-Marks"))
                .contains("visible-label,watermark,iptc-digital-source-type,gb45438-aigc,c2pa");
        String id = made.headers().firstValue("Pramaan-Generation-Id").orElseThrow();
        byte[] out = made.body();
        assertThat(new String(out, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        assertThat(WebpEncoder.lossless(out)).as("lossy in, lossy out").isFalse();

        // The label: a block of strongly changed pixels, its height at least 5 % of the shorter side (GB 45438 §4).
        BufferedImage before = LabelWebpCliTest.decode(Files.readAllBytes(in)), after = LabelWebpCliTest.decode(out);
        Rectangle box = LabelWebpCliTest.changed(before, after, 64);
        assertThat(box.height).as("label box " + box).isGreaterThanOrEqualTo(480 * 5 / 100);
        assertThat(box.width).as("label box " + box).isLessThan(640);

        MetadataLabels.Found labels = MetadataLabels.read(out);
        assertThat(labels.format()).isEqualTo("WEBP");
        assertThat(labels.digitalSourceTypes()).isNotEmpty();
        assertThat(labels.aigc().getFirst().attributes()).containsEntry("ProduceID", id);

        ApiClient.Response v = api.postBytes("/v1/provenance/verify", service, out);
        assertThat(v.json().path("validation_state").asText()).as(v.raw()).isEqualTo("Trusted");
        assertThat(v.raw()).contains("trainedAlgorithmicMedia").contains("imagegen 2.1");

        ApiClient.Response rec = api.get("/v1/generations/" + id, ADMIN);
        assertThat(rec.json().path("format").asText()).isEqualTo("WEBP");
        assertThat(rec.raw()).contains("visible-label").contains("watermark").contains("c2pa");

        // Stripped of every byte of metadata (decoded and re-encoded as PNG), it is found by our mark.
        byte[] bare = TestImages.png(after);
        ApiClient.Response found = api.postBytes("/v1/generations/lookup", service, bare);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.json().path("method").asText()).isEqualTo("watermark");
        assertThat(found.json().path("record").path("id").asText()).isEqualTo(id);
    }

    @Test
    void aGeneratedVideoGetsTheLabelBurnedInForTheOpeningSecondsBeforeMetadataAndC2pa() throws Exception {
        Path in = dir.resolve("in.mp4");
        TestMedia.x264Mp4(in); // 3 s of 320×240; skips without ffmpeg/libx264
        stop();
        start(signingConfig());
        String service = app.keys().create(Role.INGEST, "generator").secret();
        HttpResponse<byte[]> made =
                GenerationRequests.post(http, apiBase(), service, Files.readAllBytes(in), CONTEXT, Map.of());
        assertThat(made.statusCode())
                .as(new String(made.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        assertThat(made.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("video/mp4"));
        assertThat(made.headers().firstValue("Pramaan-Generation-Marks"))
                .contains("visible-label,iptc-digital-source-type,gb45438-aigc,c2pa");
        String id = made.headers().firstValue("Pramaan-Generation-Id").orElseThrow();
        Path out = Files.write(dir.resolve("out.mp4"), made.body());

        // CN shows the label for the first 2 s (GB 45438 §4): changed pixels at 0.5 s and 1.5 s, next to none
        // at 2.7 s (the re-encode alone moves no pixel's luma by more than 32 on this clip: 0 measured).
        int frame = 320 * 240;
        assertThat(changedPixels(in, out, "0.5")).as("label at 0.5 s").isGreaterThan(frame / 400);
        assertThat(changedPixels(in, out, "1.5")).as("label at 1.5 s").isGreaterThan(frame / 400);
        assertThat(changedPixels(in, out, "2.7")).as("no label at 2.7 s").isLessThan(frame / 1000);
        Rectangle box = LabelWebpCliTest.changed(frame(in, "0.5"), frame(out, "0.5"), 32);
        assertThat(box.height).as("label box " + box).isGreaterThanOrEqualTo(240 * 5 / 100);

        assertThat(MetadataLabels.read(made.body()).aigc().getFirst().attributes())
                .containsEntry("ProduceID", id);
        ApiClient.Response v = api.postBytes("/v1/provenance/verify", service, made.body());
        assertThat(v.json().path("validation_state").asText()).as(v.raw()).isEqualTo("Trusted");
        assertThat(api.get("/v1/generations/" + id, ADMIN).raw()).contains("visible-label");
    }

    /** Pixels whose luma moved by more than 32 between the two files' frames at {@code seconds}. */
    private int changedPixels(Path a, Path b, String seconds) throws Exception {
        BufferedImage fa = frame(a, seconds), fb = frame(b, seconds);
        assertThat(fb.getWidth()).isEqualTo(fa.getWidth());
        int n = 0;
        for (int y = 0; y < fa.getHeight(); y++)
            for (int x = 0; x < fa.getWidth(); x++)
                if (Math.abs(luma(fa.getRGB(x, y)) - luma(fb.getRGB(x, y))) > 32) n++;
        return n;
    }

    private BufferedImage frame(Path video, String seconds) throws Exception {
        Path png = dir.resolve(video.getFileName() + "-" + seconds + "-" + System.nanoTime() + ".png");
        TestMedia.ffmpeg("png", "-ss", seconds, "-i", video.toString(), "-frames:v", "1", png.toString());
        return ImageIO.read(png.toFile());
    }

    private static int luma(int rgb) {
        return (299 * ((rgb >> 16) & 0xFF) + 587 * ((rgb >> 8) & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
    }
}
