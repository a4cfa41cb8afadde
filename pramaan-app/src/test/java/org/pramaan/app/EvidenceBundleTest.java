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
        files.put(
                file,
                change.apply(new String(files.get(file), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
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
        var r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(apiBase() + "/v1/cases/" + caseId + "/bundle" + query))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
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
        assertThat(files)
                .containsKeys("manifest.json", "case.json", "media.json", "audit.jsonl")
                .doesNotContainKey("media/" + media);
        assertThat(new String(files.get("audit.jsonl"), StandardCharsets.UTF_8))
                .contains("case.action_taken")
                .doesNotContain(other);
        assertThat(new String(files.get("case.json"), StandardCharsets.UTF_8))
                .contains("statement_of_reasons")
                .contains("escalateAt");
    }

    @Test
    void everyKindOfTamperingIsNamed() throws Exception {
        String media = upload(TestMedia.cameraJpeg(53));
        String id = notice("IN_3_1_D_ORDER", media);
        api.postJson("/v1/cases/" + id + "/actions", reviewer, "{\"action\":\"dismiss\"}");
        byte[] zip = download(id, reviewer, "");
        assertThat(BundleVerifier.verify(edit(zip, "case.json", s -> s.replace("DISMISS", "REMOVE")))
                        .problems())
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
        assertThat(BundleVerifier.verify("not a zip".getBytes()).problems())
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("not a readable zip"));
    }

    @Test
    void onlyAdminsPlaceHoldsAndPurge() throws Exception {
        String media = upload(TestMedia.cameraJpeg(55));
        assertThat(api.postJson("/v1/holds", reviewer, "{\"mediaId\":\"" + media + "\",\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
        ApiClient.Response placed =
                api.postJson("/v1/holds", ADMIN, "{\"mediaId\":\"" + media + "\",\"reason\":\"litigation hold\"}");
        assertThat(placed.status()).as(placed.raw()).isEqualTo(201);
        assertThat(placed.json().path("active").asBoolean()).isTrue();
        assertThat(api.get("/v1/media/" + media + "/holds", reviewer).json().path("holds"))
                .hasSize(1);
        assertThat(api.postJson("/v1/holds/" + placed.json().path("id").asLong() + "/release", ADMIN, "{}")
                        .json()
                        .path("active")
                        .asBoolean())
                .isFalse();
        assertThat(api.postJson("/v1/retention/purge", ADMIN, "{}")
                        .json()
                        .path("purged")
                        .isArray())
                .isTrue();
    }

    @Test
    void onlyAdminsMayExportTheMediaItself() throws Exception {
        String media = upload(TestMedia.cameraJpeg(54));
        String id = notice("IN_3_2_B_COMPLAINT", media);
        assertThat(api.get("/v1/cases/" + id + "/bundle?includeMedia=true", reviewer)
                        .status())
                .isEqualTo(403);
        byte[] zip = download(id, ADMIN, "?includeMedia=true");
        assertThat(unzip(zip)).containsKey("media/" + media);
        assertThat(BundleVerifier.verify(zip).valid()).isTrue();
        assertThat(app.audit().forSubject("case:" + id))
                .extracting(e -> e.type())
                .contains("case.bundle_exported");
    }

    /** Rewrites the segment's last entry and recomputes its hash, as a forger with the bundle (but not the key) would. */
    static byte[] rewriteLastEntry(byte[] zip) throws Exception {
        return resigned(edit(zip, "audit.jsonl", jsonl -> {
            String[] lines = jsonl.split("\n");
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> last = org.pramaan.json.Json.mapper().readValue(lines[lines.length - 1], Map.class);
                String details = ((String) last.get("details")).replace("key:", "key:forged-");
                var e = new org.pramaan.audit.AuditEntry(
                        ((Number) last.get("seq")).longValue(),
                        java.time.Instant.parse((String) last.get("at")),
                        (String) last.get("type"),
                        (String) last.get("subject"),
                        details,
                        (String) last.get("prevHash"),
                        "");
                last.put("details", details);
                last.put("hash", e.expectedHash());
                lines[lines.length - 1] = org.pramaan.json.Json.write(last);
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            return String.join("\n", lines) + "\n";
        }));
    }

    /** Issue 11 defect 7: the bundle carries the signed checkpoints over its segment and the offline verifier checks them. */
    @Test
    void aBundleCarriesSignedCheckpointsThatCatchARechainedSegment() throws Exception {
        String media = upload(TestMedia.cameraJpeg(61));
        String id = notice("IN_3_2_B_COMPLAINT", media);
        byte[] zip = download(id, reviewer, "");
        var key = app.audit().checkpoints().orElseThrow().key();
        BundleVerifier.Result r = BundleVerifier.verify(zip, java.util.Optional.of(key.publicKey()));
        assertThat(r.valid()).as(r.problems().toString()).isTrue();
        assertThat(r.checkpointsVerified()).isPositive();
        assertThat(r.checkpointKeyFingerprint()).isEqualTo(key.fingerprint());
        assertThat(unzip(zip)).containsKey(BundleVerifier.CHECKPOINTS);

        byte[] forged = rewriteLastEntry(zip);
        Map<String, byte[]> withoutAnchors = unzip(forged);
        withoutAnchors.remove(BundleVerifier.CHECKPOINTS);
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest =
                org.pramaan.json.Json.mapper().readValue(withoutAnchors.get("manifest.json"), Map.class);
        manifest.remove("checkpointPublicKey");
        ((Map<?, ?>) manifest.get("files")).remove(BundleVerifier.CHECKPOINTS);
        withoutAnchors.put(
                "manifest.json", org.pramaan.json.Json.write(manifest).getBytes(StandardCharsets.UTF_8));
        assertThat(BundleVerifier.verify(rezip(withoutAnchors)).valid())
                .as("the chain alone cannot see a re-hashed last entry")
                .isTrue();
        assertThat(BundleVerifier.verify(rezip(withoutAnchors), java.util.Optional.of(key.publicKey()))
                        .problems())
                .anySatisfy(p -> assertThat(p).contains("carries no signed checkpoints"));

        BundleVerifier.Result caught = BundleVerifier.verify(forged);
        assertThat(caught.valid()).isFalse();
        assertThat(caught.problems())
                .anySatisfy(p -> assertThat(p)
                        .contains("is not the entry the checkpoint signed")
                        .contains("rewritten"));

        // A forger who also re-signs with a key of their own passes only for a reader who does not compare keys.
        var own = org.pramaan.audit.CheckpointKey.generate();
        Map<String, byte[]> files = unzip(forged);
        String[] entries = new String(files.get("audit.jsonl"), StandardCharsets.UTF_8).split("\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> last = org.pramaan.json.Json.mapper().readValue(entries[entries.length - 1], Map.class);
        files.put(
                BundleVerifier.CHECKPOINTS,
                (own.sign(((Number) last.get("seq")).longValue(), (String) last.get("hash"), clock.instant())
                                        .toJsonLine()
                                + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, Object> m2 = org.pramaan.json.Json.mapper().readValue(files.get("manifest.json"), Map.class);
        m2.put("checkpointPublicKey", own.publicKey());
        files.put("manifest.json", org.pramaan.json.Json.write(m2).getBytes(StandardCharsets.UTF_8));
        byte[] resignedOwn = resigned(rezip(files));
        BundleVerifier.Result untrusted = BundleVerifier.verify(resignedOwn);
        assertThat(untrusted.valid()).isTrue();
        assertThat(untrusted.checkpointKeyFingerprint()).isNotEqualTo(key.fingerprint());
        assertThat(BundleVerifier.verify(resignedOwn, java.util.Optional.of(key.publicKey()))
                        .problems())
                .anySatisfy(p -> assertThat(p).contains("not by the trusted key " + key.fingerprint()));
    }
}
