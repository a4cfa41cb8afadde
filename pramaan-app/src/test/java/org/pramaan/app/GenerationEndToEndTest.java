package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Role;
import org.pramaan.json.Json;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.testkit.TestImages;

/** The generator side (issue 14) over real HTTP on a real server and SQLite file, restarted in between. */
class GenerationEndToEndTest extends ServerTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    private static final String CONTEXT =
            "{\"modelId\":\"imagegen\",\"modelVersion\":\"2.1\",\"prompt\":\"a red kite\","
                    + "\"userId\":\"u-42\",\"realName\":{\"verified\":true,\"method\":\"phone-sms\"},\"profile\":\"%s\"%s}";

    private HttpResponse<byte[]> generate(String key, byte[] file, String context) throws Exception {
        return GenerationRequests.post(http, apiBase(), key, file, context, Map.of());
    }

    private static JsonNode json(HttpResponse<byte[]> r) {
        return Json.read(new String(r.body(), StandardCharsets.UTF_8), JsonNode.class);
    }

    @Test
    void recordAGenerationGetTheMarkedFileBackAndLookItUpAfterARestart() throws Exception {
        stop();
        start(Map.of("PRAMAAN_LABELS_FILING_NUMBER", "Beijing-Gen-2025-0001"));
        String service = app.keys().create(Role.INGEST, "generator").secret();
        byte[] input = TestImages.jpeg(TestImages.photo(320, 240, 5), 0.9f);

        HttpResponse<byte[]> made = generate(service, input, CONTEXT.formatted("CN", ""));
        assertThat(made.statusCode())
                .as(new String(made.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        assertThat(made.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("image/jpeg"));
        String id = made.headers().firstValue("Pramaan-Generation-Id").orElseThrow();
        assertThat(made.headers().firstValue("Pramaan-Generation-Marks"))
                .contains("visible-label,iptc-digital-source-type,gb45438-aigc");
        byte[] marked = made.body();
        assertThat(MetadataLabels.read(marked).aigc().getFirst().attributes()).containsEntry("ProduceID", id);

        // The records survive a restart of the server and its store.
        stop();
        start(Map.of("PRAMAAN_LABELS_FILING_NUMBER", "Beijing-Gen-2025-0001"));

        ApiClient.Response full = api.get("/v1/generations/" + id, ADMIN);
        assertThat(full.status()).as(full.raw()).isEqualTo(200);
        assertThat(full.json().path("userId").asText()).isEqualTo("u-42");
        assertThat(full.json().path("realName").path("method").asText()).isEqualTo("phone-sms");
        assertThat(full.json().path("filingNumber").asText()).isEqualTo("Beijing-Gen-2025-0001");
        assertThat(full.json().has("prompt"))
                .as("prompts are not kept by default")
                .isFalse();
        assertThat(full.json().path("promptSha256").asText()).hasSize(64);
        assertThat(api.get("/v1/generations/" + id, service).status())
                .as("personal data: admins only")
                .isEqualTo(403);

        ApiClient.Response found = api.postBytes("/v1/generations/lookup", service, marked);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.json().path("method").asText()).isEqualTo("metadata");
        JsonNode rec = found.json().path("record");
        assertThat(rec.path("id").asText()).isEqualTo(id);
        assertThat(rec.path("modelId").asText()).isEqualTo("imagegen");
        assertThat(rec.has("userId") || rec.has("promptSha256") || rec.has("consentIds") || rec.has("realName"))
                .as("no personal data in a lookup: " + rec)
                .isFalse();
        // Metadata stripped by a screenshot-like re-encode: found in the generated bank by PDQ.
        byte[] screenshot = TestImages.png(TestImages.decode(marked));
        ApiClient.Response near = api.postBytes("/v1/generations/lookup", service, screenshot);
        assertThat(near.status()).as(near.raw()).isEqualTo(200);
        assertThat(near.json().path("method").asText()).isEqualTo("pdq");
        assertThat(near.json().path("record").path("id").asText()).isEqualTo(id);
        ApiClient.Response none =
                api.postBytes("/v1/generations/lookup", service, TestImages.png(TestImages.photo(320, 240, 77)));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().path("found").asBoolean()).isFalse();
        assertThat(api.get("/v1/banks/generated", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void withASigningKeyTheC2paManifestComesLastAndIsListedAndTheLabelsSurviveIt() throws Exception {
        Path c = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa/certs");
        if (!Files.isDirectory(c)) {
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError("reference data missing in CI: " + c.toAbsolutePath());
            Assumptions.abort("reference data not found at " + c.toAbsolutePath());
        }
        stop();
        start(Map.of(
                "PRAMAAN_C2PA_SIGNING_KEY", c.resolve("es256.pem").toString(),
                "PRAMAAN_C2PA_SIGNING_CHAIN", c.resolve("es256.pub").toString(),
                "PRAMAAN_C2PA_TRUST_ANCHORS",
                        c.resolve("trust/test_cert_root_bundle.pem").toString(),
                "PRAMAAN_C2PA_TRUST_CONFIG", c.resolve("trust/store.cfg").toString()));
        String service = app.keys().create(Role.INGEST, "generator").secret();
        HttpResponse<byte[]> made =
                generate(service, TestImages.jpeg(TestImages.photo(160, 120, 8), 0.9f), CONTEXT.formatted("CN", ""));
        assertThat(made.statusCode())
                .as(new String(made.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        assertThat(made.headers().firstValue("Pramaan-Generation-Marks"))
                .contains("visible-label,iptc-digital-source-type,gb45438-aigc,c2pa");
        String id = made.headers().firstValue("Pramaan-Generation-Id").orElseThrow();
        ApiClient.Response v = api.postBytes("/v1/provenance/verify", service, made.body());
        assertThat(v.json().path("validation_state").asText()).as(v.raw()).isEqualTo("Trusted");
        assertThat(v.raw()).contains("trainedAlgorithmicMedia").contains("imagegen 2.1");
        // The visible label the record lists is recorded in the manifest too, after c2pa.created (issue 14).
        assertThat(v.raw())
                .contains("c2pa.created")
                .contains("c2pa.edited")
                .contains("Pramaan visible AI label")
                .doesNotContain("c2pa.watermarked");
        assertThat(MetadataLabels.read(made.body()).aigc().getFirst().attributes())
                .containsEntry("ProduceID", id);
        assertThat(api.get("/v1/generations/" + id, ADMIN)
                        .json()
                        .path("c2paManifest")
                        .asText())
                .startsWith("urn:c2pa:");
    }

    @Test
    void generatedAudioIsBankedByItsFingerprintSoACutResampledCopyWithoutTheLabelIsFound() throws Exception {
        float[] sound = org.pramaan.testkit.TestAudio.chords(31, 20, 16_000);
        HttpResponse<byte[]> made =
                generate(ingest, org.pramaan.testkit.TestAudio.wav(sound, 16_000), CONTEXT.formatted("CN", ""));
        assertThat(made.statusCode())
                .as(new String(made.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        String id = made.headers().firstValue("Pramaan-Generation-Id").orElseThrow();
        assertThat(api.get("/v1/generations/" + id, ADMIN)
                        .json()
                        .path("bankedHashes")
                        .toString())
                .isEqualTo("[\"sha256\",\"audio\"]");
        // A copy cut 4.4 s in and resampled to 22.05 kHz carries no AIGC label and none of the bytes.
        byte[] copy =
                org.pramaan.testkit.TestAudio.wav(AvBanksEndToEndTest.reencoded(sound, 16_000, 22_050, 4.4), 22_050);
        ApiClient.Response found = api.postBytes("/v1/generations/lookup", ingest, copy);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.json().path("method").asText()).isEqualTo("audio");
        assertThat(found.json().path("record").path("id").asText()).isEqualTo(id);
        ApiClient.Response other = api.postBytes(
                "/v1/generations/lookup",
                ingest,
                org.pramaan.testkit.TestAudio.wav(org.pramaan.testkit.TestAudio.chords(32, 20, 16_000), 16_000));
        assertThat(other.status()).as(other.raw()).isEqualTo(404);
    }

    @Test
    void consentIsRequiredWith422AndRevocationStopsFutureGenerations() throws Exception {
        String subjects = ",\"subjects\":[{\"personId\":\"actor-9\",\"modality\":\"voice\",\"consentId\":\"%s\"}]";
        byte[] input = TestImages.jpeg(TestImages.photo(160, 120, 6), 0.9f);
        HttpResponse<byte[]> refused = generate(ingest, input, CONTEXT.formatted("CN", subjects.formatted("")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).path("error").path("code").asText()).isEqualTo("generation.consent_required");

        ApiClient.Response created = api.postJson(
                "/v1/consents",
                ingest,
                "{\"personId\":\"actor-9\",\"modality\":\"voice\",\"scope\":\"dubbing of film X\","
                        + "\"grantedBy\":\"actor-9\",\"evidence\":\"contract 2026-114\"}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String consent = created.json().path("id").asText();
        HttpResponse<byte[]> ok = generate(ingest, input, CONTEXT.formatted("CN", subjects.formatted(consent)));
        assertThat(ok.statusCode())
                .as(new String(ok.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);

        ApiClient.Response revoked =
                api.postJson("/v1/consents/" + consent + "/revoke", ingest, "{\"reason\":\"withdrawn\"}");
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(revoked.json().path("active").asBoolean()).isFalse();
        HttpResponse<byte[]> after = generate(ingest, input, CONTEXT.formatted("CN", subjects.formatted(consent)));
        assertThat(after.statusCode()).isEqualTo(422);
        assertThat(json(after).path("error").path("message").asText()).contains("revoked");
        ApiClient.Response listed = api.get("/v1/consents?personId=actor-9", ingest);
        assertThat(listed.json().path("consents")).hasSize(1);
        assertThat(api.postJson("/v1/consents", ingest, "{\"personId\":\"p\",\"modality\":\"body\"}")
                        .json()
                        .path("error")
                        .path("field")
                        .asText())
                .isEqualTo("modality");
    }

    @Test
    void unlabelledExportsAndHostileContextsAreRefusedNamingTheField() throws Exception {
        byte[] input = TestImages.jpeg(TestImages.photo(160, 120, 7), 0.9f);
        HttpResponse<byte[]> in = generate(
                ingest, input, CONTEXT.formatted("IN", ",\"explicitLabel\":false,\"labellingDutyAgreed\":true"));
        assertThat(in.statusCode()).isEqualTo(403);
        assertThat(json(in).path("error").path("code").asText()).isEqualTo("generation.unlabelled_not_allowed");
        HttpResponse<byte[]> noDuty = generate(ingest, input, CONTEXT.formatted("CN", ",\"explicitLabel\":false"));
        assertThat(noDuty.statusCode()).isEqualTo(400);
        assertThat(json(noDuty).path("error").path("field").asText()).isEqualTo("labellingDutyAgreed");
        HttpResponse<byte[]> cn = generate(
                ingest, input, CONTEXT.formatted("CN", ",\"explicitLabel\":false,\"labellingDutyAgreed\":true"));
        assertThat(cn.statusCode()).isEqualTo(201);
        assertThat(cn.headers().firstValue("Pramaan-Generation-Marks"))
                .as("the implicit labels stay, the visible one is left out")
                .contains("iptc-digital-source-type,gb45438-aigc");
        HttpResponse<byte[]> jp = generate(ingest, input, CONTEXT.formatted("JP", ""));
        assertThat(jp.statusCode()).isEqualTo(400);
        assertThat(json(jp).path("error").path("field").asText()).isEqualTo("profile");
        HttpResponse<byte[]> corrupt =
                generate(ingest, "GIF89a not ours".getBytes(StandardCharsets.UTF_8), CONTEXT.formatted("CN", ""));
        assertThat(corrupt.statusCode()).isEqualTo(400);
        assertThat(json(corrupt).path("error").path("field").asText()).isEqualTo("file");
        HttpResponse<byte[]> typed = generate(ingest, input, "{\"modelId\":7,\"profile\":\"CN\"}");
        assertThat(json(typed).path("error").path("field").asText()).isEqualTo("modelId");
        assertThat(generate(reviewer, input, CONTEXT.formatted("CN", "")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void rulesShownAndDueInEnglishAndHindi() throws Exception {
        ApiClient.Response shown = api.postJson("/v1/users/u-1/rules-shown", ingest, "{\"language\":\"hi\"}");
        assertThat(shown.status()).as(shown.raw()).isEqualTo(200);
        assertThat(shown.json().path("dueAt").asText()).isEqualTo("2026-06-02T04:00:00Z");
        assertThat(api.get("/v1/users/rules-due", ingest).json().path("due")).isEmpty();
        clock.advance(java.time.Duration.ofDays(92));
        ApiClient.Response due = api.get("/v1/users/rules-due", ingest);
        assertThat(due.json().path("due")).hasSize(1);
        assertThat(due.json().path("due").get(0).path("userId").asText()).isEqualTo("u-1");
        assertThat(due.json().path("texts").path("hi").asText()).contains("नियमों");
    }
}
