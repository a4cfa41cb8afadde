package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Role;
import org.pramaan.testkit.TestImages;
import org.pramaan.watermark.ImageAttacks;
import org.pramaan.watermark.RgbPixels;

/**
 * Our keyed watermark as a generation step (issue 14 item 2), over real HTTP: with
 * {@code watermark.signing-key} set, a generated image carries the mark, and "is this ours?" finds its
 * record by the mark alone after JPEG q50, a 0.5× resize and a 10 % crop (each re-encoded as PNG, so
 * no metadata survives and the method answered must be the watermark's).
 */
class GenerationWatermarkEndToEndTest extends ServerTestBase {
    private static final String KEY = "gen1:"
            + Base64.getEncoder()
                    .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final Map<String, String> CONFIG = Map.of(
            "PRAMAAN_WATERMARK_KEYS", KEY,
            "PRAMAAN_WATERMARK_SIGNING_KEY", "gen1",
            "PRAMAAN_WATERMARK_OPERATOR_ID", "77");
    private static final String CONTEXT =
            "{\"modelId\":\"imagegen\",\"modelVersion\":\"2.1\",\"prompt\":\"a red kite\","
                    + "\"userId\":\"u-42\",\"realName\":{\"verified\":true,\"method\":\"phone-sms\"},\"profile\":\"CN\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> generate(String key, byte[] file) throws Exception {
        return GenerationRequests.post(http, apiBase(), key, file, CONTEXT, Map.of());
    }

    private static byte[] png(RgbPixels p) {
        return TestImages.png(p.toImage());
    }

    @Test
    void aGeneratedImageIsFoundByItsWatermarkAfterJpegQ50HalfSizeAndA10PercentCrop() throws Exception {
        stop();
        start(CONFIG);
        String service = app.keys().create(Role.INGEST, "generator").secret();
        HttpResponse<byte[]> made = generate(service, TestImages.jpeg(TestImages.photo(640, 480, 11), 0.9f));
        assertThat(made.statusCode())
                .as(new String(made.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        String id = made.headers().firstValue("Pramaan-Generation-Id").orElseThrow();
        assertThat(made.headers().firstValue("Pramaan-Generation-Marks"))
                .as("after the visible label, before metadata and C2PA")
                .contains("visible-label,watermark,iptc-digital-source-type,gb45438-aigc");

        RgbPixels marked = RgbPixels.of(TestImages.decode(made.body()));
        int w = marked.width(), h = marked.height();
        Map<String, byte[]> attacked = Map.of(
                "jpeg q50", png(ImageAttacks.jpeg(marked, 0.5f)),
                "resize 0.5x", png(ImageAttacks.resize(marked, 0.5)),
                "crop 10 %", png(ImageAttacks.crop(marked, w / 20, h / 20, w - w / 10, h - h / 10)));
        for (Map.Entry<String, byte[]> e : attacked.entrySet()) {
            ApiClient.Response found = api.postBytes("/v1/generations/lookup", service, e.getValue());
            assertThat(found.status()).as(e.getKey() + ": " + found.raw()).isEqualTo(200);
            assertThat(found.json().path("method").asText()).as(e.getKey()).isEqualTo("watermark");
            assertThat(found.json().path("record").path("id").asText())
                    .as(e.getKey())
                    .isEqualTo(id);
        }
    }

    @Test
    void anImageUnderTheMinimumSideIsNotWatermarkedNorClaimedAndLookupFallsThrough() throws Exception {
        stop();
        start(CONFIG);
        String service = app.keys().create(Role.INGEST, "generator").secret();
        HttpResponse<byte[]> made = generate(service, TestImages.jpeg(TestImages.photo(320, 200, 5), 0.9f));
        assertThat(made.statusCode())
                .as(new String(made.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        String id = made.headers().firstValue("Pramaan-Generation-Id").orElseThrow();
        assertThat(made.headers().firstValue("Pramaan-Generation-Marks"))
                .contains("visible-label,iptc-digital-source-type,gb45438-aigc");
        ApiClient.Response found = api.postBytes("/v1/generations/lookup", service, made.body());
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.json().path("method").asText()).isEqualTo("metadata");
        assertThat(found.json().path("record").path("id").asText()).isEqualTo(id);
    }
}
