package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.labels.WebpEncoder;

/** {@code POST /v1/labels/apply} with a WebP over real HTTP: WebP back, the label's pixels changed, the implicit label in XMP. */
class LabelWebpEndToEndTest extends ServerTestBase {
    @TempDir
    Path dir;

    @Test
    void aWebpIsAnsweredInWebpWithTheLabel() throws Exception {
        Path in = LabelWebpCliTest.webp(dir, "in.webp", false);
        byte[] input = Files.readAllBytes(in);
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(apiBase() + "/v1/labels/apply?profile=CN"))
                                .header("Authorization", "Bearer " + ingest)
                                .header("Content-Type", "application/octet-stream")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(input))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("image/webp"));
        assertThat(WebpEncoder.lossless(r.body())).isFalse();
        java.awt.Rectangle box =
                LabelWebpCliTest.changed(LabelWebpCliTest.decode(input), LabelWebpCliTest.decode(r.body()), 64);
        assertThat(box.height).isGreaterThanOrEqualTo(24);
        assertThat(r.headers().firstValue("Pramaan-Label-Text-Height").map(Integer::parseInt))
                .hasValueSatisfying(h -> assertThat(h).isGreaterThanOrEqualTo(24));
        // Issue 14: the implicit label comes back in the WebP's XMP chunk, as it does for JPEG and PNG.
        assertThat(org.pramaan.labels.MetadataLabels.read(r.body()).digitalSourceTypes())
                .singleElement()
                .satisfies(s -> assertThat(s.value()).endsWith("/trainedAlgorithmicMedia"));
    }
}
