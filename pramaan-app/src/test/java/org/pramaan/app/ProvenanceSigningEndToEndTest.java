package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Role;
import org.pramaan.testkit.TestImages;

/** {@code POST /v1/provenance/sign} over real HTTP: off without a key, signs with the configured one, and its output verifies. */
class ProvenanceSigningEndToEndTest extends ServerTestBase {
    private static Path certs() {
        Path p = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa/certs");
        if (!Files.isDirectory(p)) {
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError("reference data missing in CI: " + p.toAbsolutePath());
            Assumptions.abort("reference data not found at " + p.toAbsolutePath());
        }
        return p;
    }

    private HttpResponse<byte[]> sign(String key, String query, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiBase() + "/v1/provenance/sign" + query))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void signingIsOffUntilAKeyIsConfigured() throws Exception {
        HttpResponse<byte[]> r = sign(
                ingest, "?source-type=trainedAlgorithmicMedia", TestImages.jpeg(TestImages.photo(32, 24, 1), 0.9f));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(new String(r.body())).contains("c2pa.signing.unconfigured").contains("c2pa.signing-key");
    }

    @Test
    void configuredKeySignsAndTheResultVerifiesTrusted() throws Exception {
        Path c = certs();
        stop();
        start(Map.of(
                "PRAMAAN_C2PA_SIGNING_KEY",
                c.resolve("es256.pem").toString(),
                "PRAMAAN_C2PA_SIGNING_CHAIN",
                c.resolve("es256.pub").toString(),
                "PRAMAAN_C2PA_TRUST_ANCHORS",
                c.resolve("trust/test_cert_root_bundle.pem").toString(),
                "PRAMAAN_C2PA_TRUST_CONFIG",
                c.resolve("trust/store.cfg").toString()));
        String key = app.keys().create(Role.INGEST, "generator").secret();
        byte[] jpeg = TestImages.jpeg(TestImages.photo(32, 24, 2), 0.9f);
        HttpResponse<byte[]> r = sign(key, "?source-type=trainedAlgorithmicMedia&software-agent=ImageGen%201.0", jpeg);
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
        assertThat(r.headers().firstValue("C2PA-Manifest-Label").orElse("")).startsWith("urn:c2pa:");
        String label = r.headers().firstValue("C2PA-Manifest-Label").orElseThrow();
        assertThat(app.audit().forSubject("c2pa:" + label))
                .extracting(e -> e.type())
                .containsExactly("c2pa.signed");
        ApiClient.Response v = api.postBytes("/v1/provenance/verify", key, r.body());
        assertThat(v.json().path("validation_state").asText()).as(v.raw()).isEqualTo("Trusted");
        assertThat(v.raw())
                .contains("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia")
                .contains("ImageGen 1.0");

        HttpResponse<byte[]> sidecar = sign(key, "?source-type=digitalCapture&sidecar=true", jpeg);
        assertThat(sidecar.statusCode()).isEqualTo(200);
        assertThat(sidecar.headers().firstValue("Content-Type").orElse("")).startsWith("application/c2pa");
        assertThat(new String(sidecar.body(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("jumb");

        // multipart: the file plus a signed ingredient, whose manifest is carried along
        String boundary = "b-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream mp = new java.io.ByteArrayOutputStream();
        for (var part : java.util.List.of(Map.entry("file", jpeg), Map.entry("ingredient", r.body()))) {
            mp.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
                            + "\"; filename=\"" + part.getKey() + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            mp.writeBytes(part.getValue());
            mp.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        mp.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<byte[]> derived = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(apiBase()
                                        + "/v1/provenance/sign?source-type=compositeWithTrainedAlgorithmicMedia"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(mp.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(derived.statusCode()).as(new String(derived.body())).isEqualTo(200);
        ApiClient.Response dv = api.postBytes("/v1/provenance/verify", key, derived.body());
        assertThat(dv.json().path("validation_state").asText()).as(dv.raw()).isEqualTo("Trusted");
        assertThat(dv.json().path("manifests").size()).isEqualTo(2);
        assertThat(dv.raw()).contains("ingredient.manifest.validated").contains("parentOf");

        assertThat(sign(key, "?source-type=photoshopped", jpeg).statusCode()).isEqualTo(400);
        assertThat(sign(key, "", jpeg).statusCode()).isEqualTo(400);
        assertThat(sign(key, "?source-type=trainedAlgorithmicMedia", "plain text".getBytes())
                        .statusCode())
                .isEqualTo(415);
        assertThat(sign(
                                app.keys().create(Role.REVIEWER, "moderator").secret(),
                                "?source-type=trainedAlgorithmicMedia",
                                jpeg)
                        .statusCode())
                .isEqualTo(403);
        assertThat(sign(null, "?source-type=trainedAlgorithmicMedia", jpeg).statusCode())
                .isEqualTo(401);
    }

    /** Issue 18: re-signing a signed file used to drop its manifest; it is now the parent unless replace=true. */
    @Test
    void reSigningASignedFileKeepsItsManifestAsParentUnlessReplaced() throws Exception {
        Path c = certs();
        stop();
        start(Map.of(
                "PRAMAAN_C2PA_SIGNING_KEY", c.resolve("es256.pem").toString(),
                "PRAMAAN_C2PA_SIGNING_CHAIN", c.resolve("es256.pub").toString(),
                "PRAMAAN_C2PA_TRUST_ANCHORS",
                        c.resolve("trust/test_cert_root_bundle.pem").toString(),
                "PRAMAAN_C2PA_TRUST_CONFIG", c.resolve("trust/store.cfg").toString()));
        String key = app.keys().create(Role.INGEST, "generator").secret();
        byte[] png = TestImages.png(TestImages.photo(32, 24, 3));
        HttpResponse<byte[]> first = sign(key, "?source-type=trainedAlgorithmicMedia", png);
        assertThat(first.statusCode()).as(new String(first.body())).isEqualTo(200);
        String parent = first.headers().firstValue("C2PA-Manifest-Label").orElseThrow();

        HttpResponse<byte[]> again = sign(key, "?source-type=trainedAlgorithmicMedia", first.body());
        assertThat(again.statusCode()).as(new String(again.body())).isEqualTo(200);
        ApiClient.Response kept = api.postBytes("/v1/provenance/verify", key, again.body());
        assertThat(kept.json().path("validation_state").asText()).as(kept.raw()).isEqualTo("Trusted");
        assertThat(kept.json().path("manifests").size()).as(kept.raw()).isEqualTo(2);
        assertThat(kept.raw()).contains(parent).contains("parentOf").contains("c2pa.opened");

        HttpResponse<byte[]> replaced = sign(key, "?source-type=trainedAlgorithmicMedia&replace=true", first.body());
        assertThat(replaced.statusCode()).isEqualTo(200);
        ApiClient.Response alone = api.postBytes("/v1/provenance/verify", key, replaced.body());
        assertThat(alone.json().path("validation_state").asText())
                .as(alone.raw())
                .isEqualTo("Trusted");
        assertThat(alone.json().path("manifests").size()).as(alone.raw()).isEqualTo(1);
        assertThat(alone.raw()).doesNotContain(parent);

        // An explicit ingredient on a signed file would drop its manifest: refused unless replace=true.
        String boundary = "b-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream mp = new java.io.ByteArrayOutputStream();
        for (var part : java.util.List.of(Map.entry("file", first.body()), Map.entry("ingredient", png))) {
            mp.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey()
                            + "\"; filename=\"" + part.getKey() + ".png\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            mp.writeBytes(part.getValue());
            mp.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        mp.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String q : new String[] {"", "&replace=true"}) {
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            apiBase() + "/v1/provenance/sign?source-type=digitalCapture" + q))
                                    .header("Authorization", "Bearer " + key)
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(mp.toByteArray()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(q + ": " + new String(r.body())).isEqualTo(q.isEmpty() ? 409 : 200);
            if (q.isEmpty()) assertThat(new String(r.body())).contains("c2pa.manifest.present");
        }
    }

    @Test
    void aKeyWithoutItsChainStopsStartUp() {
        Path c = certs();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config(
                        dataDir,
                        Map.of(
                                "PRAMAAN_C2PA_SIGNING_KEY",
                                c.resolve("es256.pem").toString())))
                .hasMessageContaining("c2pa.signing-chain");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config(
                        dataDir,
                        Map.of(
                                "PRAMAAN_C2PA_SIGNING_KEY",
                                c.resolve("es256.pem").toString(),
                                "PRAMAAN_C2PA_SIGNING_CHAIN",
                                c.resolve("ps256.pub").toString())))
                .hasMessageContaining("c2pa.signing-key")
                .hasMessageContaining("does not belong");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> config(dataDir, Map.of("PRAMAAN_C2PA_SIGNING_ALG", "md5")))
                .hasMessageContaining("c2pa.signing-alg");
    }

    /** Issue 18: es384 with a P-256 key used to load and sign manifests the reference SDK rejects. */
    @Test
    void anAlgorithmThatDoesNotFitTheKeyStopsStartUpNamingTheCurve() {
        Path c = certs();
        for (String[] bad : new String[][] {
            {"es256", "es384", "P-256", "es256"},
            {"es384", "es256", "P-384", "es384"},
            {"es512", "es256", "P-521", "es512"},
            {"es256", "ps256", "P-256", "es256"}
        }) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> config(
                            dataDir,
                            Map.of(
                                    "PRAMAAN_C2PA_SIGNING_KEY",
                                            c.resolve(bad[0] + ".pem").toString(),
                                    "PRAMAAN_C2PA_SIGNING_CHAIN",
                                            c.resolve(bad[0] + ".pub").toString(),
                                    "PRAMAAN_C2PA_SIGNING_ALG", bad[1])))
                    .as("key %s with alg %s", bad[0], bad[1])
                    .hasMessageContaining("c2pa.signing-alg")
                    .hasMessageContaining(bad[1] + " needs")
                    .hasMessageContaining("the key is a " + bad[2] + " key; use " + bad[3]);
        }
    }
}
