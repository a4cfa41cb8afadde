package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.pramaan.audit.BundleVerifier;
import org.pramaan.testkit.TestImages;

/** Evidence bundles over HTTP, verified offline, and every kind of tampering caught. */
class EvidenceBundleTest extends ServerTestBase {

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    static byte[] rezip(Map<String, byte[]> files) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    static byte[] edit(byte[] zip, String file, UnaryOperator<String> change) throws Exception {
        Map<String, byte[]> files = unzip(zip);
        files.put(file, change.apply(new String(files.get(file), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return rezip(files);
    }

    /** Recomputes the manifest's digests, as someone forging a bundle would. */
    static byte[] resigned(byte[] zip) throws Exception {
        Map<String, byte[]> files = unzip(zip);
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = org.pramaan.json.Json.mapper().readValue(files.get("manifest.json"), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, String> digests = (Map<String, String>) manifest.get("files");
        for (String name : digests.keySet()) digests.put(name, BundleVerifier.digest(files.get(name)));
        files.put("manifest.json", org.pramaan.json.Json.write(manifest).getBytes(StandardCharsets.UTF_8));
        return rezip(files);
    }

    byte[] download(String caseId, String key, String query) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(apiBase() + "/v1/cases/" + caseId + "/bundle" + query)).header("Authorization", "Bearer " + key).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r.body();
    }

    @Test
    void aBundleVerifiesOfflineWithUnrelatedEntriesRedacted() throws Exception {
        String media = upload(TestMedia.cameraJpeg(51));
        String id = notice("IN_3_2_B_COMPLAINT", media);
        String other = upload(TestMedia.cameraJpeg(52)); // interleaved, unrelated entries
        notice("IN_3_1_D_ORDER", other);
        api.postJson("/v1/cases/" + id + "/actions", reviewer, "{\"action\":\"remove\",\"note\":\"NCII\"}");
        byte[] zip = download(id, reviewer, "");
        BundleVerifier.Result r = BundleVerifier.verify(zip);
        assertThat(r.valid()).as(r.problems().toString()).isTrue();
        assertThat(r.caseId()).isEqualTo(id);
        assertThat(r.redactedEntries()).isPositive();
        Map<String, byte[]> files = unzip(zip);
        assertThat(files).containsKeys("manifest.json", "case.json", "media.json", "audit.jsonl").doesNotContainKey("media/" + media);
        assertThat(new String(files.get("audit.jsonl"), StandardCharsets.UTF_8)).contains("case.action_taken").doesNotContain(other);
        assertThat(new String(files.get("case.json"), StandardCharsets.UTF_8)).contains("statement_of_reasons").contains("escalateAt");
    }

    @Test
    void everyKindOfTamperingIsNamed() throws Exception {
        String media = upload(TestMedia.cameraJpeg(53));
        String id = notice("IN_3_1_D_ORDER", media);
        api.postJson("/v1/cases/" + id + "/actions", reviewer, "{\"action\":\"dismiss\"}");
        byte[] zip = download(id, reviewer, "");
        assertThat(BundleVerifier.verify(edit(zip, "case.json", s -> s.replace("DISMISS", "REMOVE"))).problems())
                .anyMatch(p -> p.startsWith("case.json does not match its digest"));
        // A forger who also re-signs the manifest is still caught by the chain.
        byte[] editedEntry = resigned(edit(zip, "audit.jsonl", s -> s.replace("IN_3_1_D_ORDER", "IN_3_2_A_GRIEVANCE")));
        assertThat(BundleVerifier.verify(editedEntry).problems()).anyMatch(p -> p.contains("was edited"));
        byte[] dropped = resigned(edit(zip, "audit.jsonl", s -> {
            java.util.List<String> lines = new java.util.ArrayList<>(s.lines().toList());
            lines.remove(1);
            return String.join("\n", lines) + "\n";
        }));
        assertThat(BundleVerifier.verify(dropped).problems()).anyMatch(p -> p.contains("has a gap"));
        assertThat(BundleVerifier.verify("not a zip".getBytes()).problems()).singleElement().satisfies(p -> assertThat(p).startsWith("not a readable zip"));
    }

    @Test
    void onlyAdminsPlaceHoldsAndPurge() throws Exception {
        String media = upload(TestMedia.cameraJpeg(55));
        assertThat(api.postJson("/v1/holds", reviewer, "{\"mediaId\":\"" + media + "\",\"reason\":\"x\"}").status()).isEqualTo(403);
        ApiClient.Response placed = api.postJson("/v1/holds", ADMIN, "{\"mediaId\":\"" + media + "\",\"reason\":\"litigation hold\"}");
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        assertThat(placed.json().path("active").asBoolean()).isTrue();
        assertThat(api.get("/v1/media/" + media + "/holds", reviewer).json().path("holds")).hasSize(1);
        assertThat(api.postJson("/v1/holds/" + placed.json().path("id").asLong() + "/release", ADMIN, "{}").json().path("active").asBoolean()).isFalse();
        assertThat(api.postJson("/v1/retention/purge", ADMIN, "{}").json().path("purged").isArray()).isTrue();
    }

    @Test
    void onlyAdminsMayExportTheMediaItself() throws Exception {
        String media = upload(TestMedia.cameraJpeg(54));
        String id = notice("IN_3_2_B_COMPLAINT", media);
        assertThat(api.get("/v1/cases/" + id + "/bundle?includeMedia=true", reviewer).status()).isEqualTo(403);
        byte[] zip = download(id, ADMIN, "?includeMedia=true");
        assertThat(unzip(zip)).containsKey("media/" + media);
        assertThat(BundleVerifier.verify(zip).valid()).isTrue();
        assertThat(app.audit().forSubject("case:" + id)).extracting(e -> e.type()).contains("case.bundle_exported");
    }
}
