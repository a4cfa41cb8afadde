package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.testkit.TestImages;

/** {@code POST /v1/labels/apply} over real HTTP on a real port. */
class LabelsEndToEndTest extends ServerTestBase {
    private HttpResponse<byte[]> post(String key, String query, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiBase() + "/v1/labels/apply" + query))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aJpegComesBackLabelledAndMeasured() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(640, 480, 3), 0.9f);
        HttpResponse<byte[]> r = post(ingest, "?profile=CN", "application/octet-stream", jpeg);
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
        assertThat(Integer.parseInt(
                        r.headers().firstValue("Pramaan-Label-Text-Height").orElseThrow()))
                .isGreaterThanOrEqualTo(24); // 5 % of 480
        assertThat(Double.parseDouble(
                        r.headers().firstValue("Pramaan-Label-Contrast").orElseThrow()))
                .isGreaterThanOrEqualTo(4.5);
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(out.getWidth()).isEqualTo(640);
        assertThat(MetadataLabels.read(r.body()).digitalSourceTypes()).hasSize(1);
    }

    @Test
    void multipartWithFieldsAndIconAndTextAndRefusals() throws Exception {
        String boundary = "pramaan-labels-14";
        byte[] png = png(TestImages.photo(800, 600, 4));
        byte[] icon = png(TestImages.photo(64, 64, 5));
        byte[] body = multipart(
                boundary,
                Map.of("profile", "IN", "lang", "hi", "position", "top-right"),
                Map.of("file", png, "icon", icon));
        HttpResponse<byte[]> r = post(ingest, "", "multipart/form-data; boundary=" + boundary, body);
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(r.headers().firstValue("Pramaan-Label-Profile")).contains("IN");

        HttpResponse<byte[]> text =
                post(ingest, "?profile=EU&lang=de", "text/plain", "Ein Text.".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(new String(text.body(), StandardCharsets.UTF_8)).isEqualTo("[KI-generiert]\nEin Text.");

        byte[] jpeg = TestImages.jpeg(TestImages.photo(200, 150, 6), 0.9f);
        assertThat(status(
                        post(ingest, "?profile=CN", "application/octet-stream", Arrays.copyOf(jpeg, jpeg.length / 2))))
                .isEqualTo("422 media.malformed");
        assertThat(status(post(ingest, "", "application/octet-stream", jpeg))).isEqualTo("400 request.invalid");
        assertThat(status(post(ingest, "?profile=../../etc/passwd", "application/octet-stream", jpeg)))
                .isEqualTo("400 request.invalid");
        assertThat(status(post(ingest, "?profile=CN&position=centre", "application/octet-stream", jpeg)))
                .isEqualTo("400 request.invalid");
        assertThat(status(post(ingest, "?profile=CN&lang=xx", "application/octet-stream", jpeg)))
                .isEqualTo("400 label.invalid");
        assertThat(post(null, "?profile=CN", "application/octet-stream", jpeg).statusCode())
                .isEqualTo(401);
        byte[] mp3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0};
        // MP3 is labelled now (FfmpegAudioLabeller); a header with no audio frame behind it is malformed.
        assertThat(status(post(ingest, "?profile=CN", "application/octet-stream", mp3)))
                .isEqualTo("422 media.malformed");
    }

    @Test
    void anMp4ComesBackWithTheLabelForTheProfilesSpan() throws Exception {
        Path in = Files.createTempFile("label-e2e", ".mp4");
        try {
            TestMedia.x264Mp4(in);
            byte[] mp4 = Files.readAllBytes(in);
            HttpResponse<byte[]> r = post(ingest, "?profile=CN", "application/octet-stream", mp4);
            assertThat(r.statusCode())
                    .as(new String(r.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("video/mp4");
            assertThat(r.headers().firstValue("Pramaan-Label-Seconds")).contains("2.000");
            assertThat(MetadataLabels.read(r.body()).digitalSourceTypes()).hasSize(1);
            assertThat(status(post(ingest, "?profile=CN", "application/octet-stream", Arrays.copyOf(mp4, 300))))
                    .isEqualTo("422 media.malformed");
        } finally {
            Files.deleteIfExists(in);
        }
    }

    @Test
    void anMp3ComesBackAsMp3WithThePromptOrIsRefused() throws Exception {
        Path in = Files.createTempFile("label-e2e", ".mp3");
        try {
            TestMedia.mp3(in);
            byte[] mp3 = Files.readAllBytes(in);
            HttpResponse<byte[]> r = post(ingest, "?profile=CN", "application/octet-stream", mp3);
            assertThat(r.statusCode())
                    .as(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("audio/mpeg");
            assertThat(r.headers().firstValue("Pramaan-Label-Prompt-Seconds")).hasValue("1.980");
            assertThat(r.body().length).isGreaterThan(mp3.length);
            assertThat(status(post(ingest, "?profile=CN", "application/octet-stream", Arrays.copyOf(mp3, 60))))
                    .isEqualTo("422 media.malformed");
        } finally {
            Files.deleteIfExists(in);
        }
    }

    @Test
    void aSignedUploadIsReSignedAndStillVerifies() throws Exception {
        Path c = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa/certs");
        if (!Files.isDirectory(c)) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("reference data missing in CI: " + c);
            Assumptions.abort("reference data not found at " + c.toAbsolutePath());
        }
        stop();
        start(Map.of(
                "PRAMAAN_C2PA_SIGNING_KEY", c.resolve("es256.pem").toString(),
                "PRAMAAN_C2PA_SIGNING_CHAIN", c.resolve("es256.pub").toString(),
                "PRAMAAN_C2PA_TRUST_ANCHORS",
                        c.resolve("trust/test_cert_root_bundle.pem").toString(),
                "PRAMAAN_C2PA_TRUST_CONFIG", c.resolve("trust/store.cfg").toString()));
        String key =
                app.keys().create(org.pramaan.access.Role.INGEST, "generator").secret();
        byte[] jpeg = TestImages.jpeg(TestImages.photo(320, 240, 7), 0.9f);
        HttpRequest sign = HttpRequest.newBuilder(
                        URI.create(apiBase() + "/v1/provenance/sign?source-type=trainedAlgorithmicMedia"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg))
                .build();
        byte[] signed = HttpClient.newHttpClient()
                .send(sign, HttpResponse.BodyHandlers.ofByteArray())
                .body();
        HttpResponse<byte[]> r = post(key, "?profile=EU", "application/octet-stream", signed);
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(r.headers().firstValue("Pramaan-C2PA")).contains("resigned");
        ApiClient.Response v = api.postBytes("/v1/provenance/verify", key, r.body());
        assertThat(v.json().path("validation_state").asText()).as(v.raw()).isEqualTo("Trusted");
        assertThat(v.raw()).contains("c2pa.opened").contains("c2pa.edited").contains("Pramaan visible AI label");
    }

    /**
     * Issue 14: a signed MP4 labelled through the API is re-signed like an image (before: the label was burned in,
     * the manifest dropped and nothing said so); it verifies Trusted with the upload's manifest as the parent.
     */
    @Test
    void aSignedMp4IsReSignedAndStillVerifies() throws Exception {
        Path c = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa/certs");
        if (!Files.isDirectory(c)) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("reference data missing in CI: " + c);
            Assumptions.abort("reference data not found at " + c.toAbsolutePath());
        }
        stop();
        start(Map.of(
                "PRAMAAN_C2PA_SIGNING_KEY", c.resolve("es256.pem").toString(),
                "PRAMAAN_C2PA_SIGNING_CHAIN", c.resolve("es256.pub").toString(),
                "PRAMAAN_C2PA_TRUST_ANCHORS",
                        c.resolve("trust/test_cert_root_bundle.pem").toString(),
                "PRAMAAN_C2PA_TRUST_CONFIG", c.resolve("trust/store.cfg").toString()));
        String key =
                app.keys().create(org.pramaan.access.Role.INGEST, "generator").secret();
        Path in = Files.createTempFile("label-e2e", ".mp4");
        try {
            TestMedia.x264Mp4(in);
            HttpRequest sign = HttpRequest.newBuilder(
                            URI.create(apiBase() + "/v1/provenance/sign?source-type=trainedAlgorithmicMedia"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(in)))
                    .build();
            HttpResponse<byte[]> signed =
                    HttpClient.newHttpClient().send(sign, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(signed.statusCode())
                    .as(new String(signed.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            HttpResponse<byte[]> r = post(key, "?profile=CN", "application/octet-stream", signed.body());
            assertThat(r.statusCode())
                    .as(new String(r.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("video/mp4");
            assertThat(r.headers().firstValue("Pramaan-C2PA")).contains("resigned");
            assertThat(MetadataLabels.read(r.body()).digitalSourceTypes()).hasSize(1);
            ApiClient.Response v = api.postBytes("/v1/provenance/verify", key, r.body());
            assertThat(v.json().path("validation_state").asText()).as(v.raw()).isEqualTo("Trusted");
            assertThat(v.raw()).contains("c2pa.opened").contains("c2pa.edited").contains("Pramaan visible AI label");
        } finally {
            Files.deleteIfExists(in);
        }
    }

    private static String status(HttpResponse<byte[]> r) throws Exception {
        return r.statusCode() + " "
                + org.pramaan.json.Json.mapper()
                        .readTree(r.body())
                        .path("error")
                        .path("code")
                        .asText();
    }

    private static byte[] png(BufferedImage i) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ImageIO.write(i, "png", o);
        return o.toByteArray();
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, Map<String, byte[]> files)
            throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (var f : fields.entrySet())
            o.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                            + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        for (var f : files.entrySet()) {
            o.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\""
                            + f.getKey() + ".png\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            o.write(f.getValue());
            o.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        o.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return o.toByteArray();
    }
}
