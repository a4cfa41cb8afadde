package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.testkit.TestImages;

/** Hash banks over HTTP: curation, all-or-nothing import, matching with numeric distances and dihedral variants. */
class BanksEndToEndTest extends ServerTestBase {

    static BufferedImage rotate90(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getHeight(), src.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++)
            for (int x = 0; x < src.getWidth(); x++) out.setRGB(src.getHeight() - 1 - y, x, src.getRGB(x, y));
        return out;
    }

    JsonNode pdqOf(byte[] file) throws Exception {
        ApiClient.Response r = api.postBytes("/v1/hash", ingest, file);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aHashOnlyNciiBankBlocksUploadsAndFindsRotatedCopies() throws Exception {
        BufferedImage photo = TestImages.photo(640, 480, 41);
        byte[] original = TestImages.jpeg(photo, 0.9f);
        JsonNode hashes = pdqOf(original);
        assertThat(hashes.path("pdqDihedral").size()).isEqualTo(8);
        assertThat(api.postJson("/v1/banks", ingest, "{\"name\":\"ncii\",\"kind\":\"ncii\"}")
                        .status())
                .isEqualTo(403);
        ApiClient.Response created = api.postJson(
                "/v1/banks",
                reviewer,
                "{\"name\":\"ncii\",\"kind\":\"ncii\",\"description\":\"victim-submitted hashes\"}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String csv = "hash,quality,note\n" + hashes.path("pdq").path("hash").asText() + ","
                + hashes.path("pdq").path("quality").asInt() + ",case 77\n";
        ApiClient.Response imported = api.send("POST", "/v1/banks/ncii/items?format=csv", reviewer, "text/csv", csv);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(1);

        ApiClient.Response upload =
                api.postBytes("/v1/media", ingest, TestImages.jpeg(TestImages.scale(photo, 0.9), 0.7f));
        assertThat(upload.json().path("decision").path("decision").asText())
                .as(upload.raw())
                .isEqualTo("BLOCK");
        assertThat(upload.json().path("matches").get(0).path("kind").asText()).isEqualTo("ncii");
        assertThat(upload.json()
                        .path("decision")
                        .path("reasons")
                        .get(0)
                        .path("message")
                        .asText())
                .contains("ncii");

        ApiClient.Response rotated = api.postBytes("/v1/match", ingest, TestImages.jpeg(rotate90(photo), 0.9f));
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        JsonNode m = rotated.json().path("matches").get(0);
        assertThat(m.path("bank").asText()).isEqualTo("ncii");
        assertThat(m.path("variant").asText()).as(rotated.raw()).isNotEqualTo("orig");
        assertThat(m.path("distance").isInt())
                .as("distances are numbers, not strings")
                .isTrue();
        assertThat(m.path("distance").asInt()).isLessThanOrEqualTo(31);

        ApiClient.Response byHash = api.postJson(
                "/v1/match",
                ingest,
                "{\"pdq\":[\"" + hashes.path("pdq").path("hash").asText() + "\"]}");
        assertThat(byHash.json()
                        .path("results")
                        .get(0)
                        .path("matches")
                        .get(0)
                        .path("distance")
                        .asInt())
                .isZero();
        assertThat(api.postJson("/v1/match", ingest, "{\"pdq\":[\"xyz\"]}")
                        .json()
                        .path("error")
                        .path("message")
                        .asText())
                .contains("pdq[0]");
    }

    @Test
    void aBadImportLineRejectsTheWholeImportAndNamesTheLine() throws Exception {
        api.postJson("/v1/banks", reviewer, "{\"name\":\"feed\",\"kind\":\"partner-feed\"}");
        String body = "a".repeat(64) + "\n" + "b".repeat(64) + "\n" + "not-a-hash\n";
        ApiClient.Response r = api.send("POST", "/v1/banks/feed/items?format=lines", reviewer, "text/plain", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("bank.import_invalid");
        assertThat(r.json().path("error").path("message").asText())
                .startsWith("line 3:")
                .contains("not-a-hash")
                .contains("nothing was imported");
        assertThat(api.get("/v1/banks/feed", reviewer).json().path("items").asInt())
                .isZero();
    }

    @Test
    void shadowBanksMatchWithoutActingAndSettingsChangeLive() throws Exception {
        BufferedImage photo = TestImages.photo(500, 400, 42);
        byte[] file = TestImages.jpeg(photo, 0.9f);
        JsonNode h = pdqOf(file).path("pdq");
        api.postJson("/v1/banks", reviewer, "{\"name\":\"trial-feed\",\"kind\":\"removed\",\"state\":\"shadow\"}");
        api.send(
                "POST",
                "/v1/banks/trial-feed/items",
                reviewer,
                "application/x-ndjson",
                "{\"pdq\":\"" + h.path("hash").asText() + "\",\"quality\":"
                        + h.path("quality").asInt() + ",\"source\":\"partner\"}\n");
        ApiClient.Response shadow = api.postBytes("/v1/media", ingest, file);
        assertThat(shadow.json().path("decision").path("decision").asText())
                .as(shadow.raw())
                .isEqualTo("ALLOW");
        assertThat(shadow.json().path("matches").get(0).path("inert").asText()).isEqualTo("shadow");
        ApiClient.Response enabled =
                api.send("PUT", "/v1/banks/trial-feed", reviewer, "application/json", "{\"state\":\"enabled\"}");
        assertThat(enabled.json().path("state").asText()).isEqualTo("enabled");
        assertThat(api.postBytes("/v1/media", ingest, file)
                        .json()
                        .path("decision")
                        .path("decision")
                        .asText())
                .isEqualTo("BLOCK");

        ApiClient.Response export = api.get("/v1/banks/trial-feed/export?format=csv", reviewer);
        assertThat(export.raw())
                .startsWith("hash,quality")
                .contains(h.path("hash").asText());
        long id = api.get("/v1/banks/trial-feed/items", reviewer)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong();
        assertThat(api.send("DELETE", "/v1/banks/trial-feed/items/" + id, reviewer, null, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.postBytes("/v1/media", ingest, file)
                        .json()
                        .path("decision")
                        .path("decision")
                        .asText())
                .isEqualTo("ALLOW");
        assertThat(api.send("DELETE", "/v1/banks/trial-feed", reviewer, null, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/v1/banks/trial-feed", reviewer).status()).isEqualTo(404);
        List<String> types = new ArrayList<>();
        app.audit().forSubject("bank:trial-feed").forEach(e -> types.add(e.type()));
        assertThat(types)
                .containsExactly(
                        "bank.created", "bank.items_added", "bank.updated", "bank.item_removed", "bank.deleted");
    }

    @Test
    void hmaClientsCanHashCurateAndLookUpWithNumericDistances() throws Exception {
        BufferedImage photo = TestImages.photo(400, 300, 43);
        ApiClient.Response hashed = api.postMultipart("/h/hash", ingest, TestImages.jpeg(photo, 0.9f), "ignored");
        String pdq = hashed.json().path("pdq").asText();
        assertThat(pdq).matches("[0-9a-f]{64}");
        assertThat(api.get("/h/hash", ingest).status()).isIn(404, 405);
        assertThat(api.postJson("/c/banks", reviewer, "{\"name\":\"TERRORIST_CONTENT\",\"matching_enabled_ratio\":1.0}")
                        .status())
                .isEqualTo(201);
        ApiClient.Response added = api.postJson(
                "/c/bank/terrorist_content/content", reviewer, "{\"signal_type\":\"pdq\",\"signal\":\"" + pdq + "\"}");
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        long id = added.json().path("id").asLong();
        ApiClient.Response lookup = api.get("/m/lookup?signal_type=pdq&signal=" + pdq, ingest);
        JsonNode hit = lookup.json().path("terrorist_content").get(0);
        assertThat(hit.path("bank_content_id").asLong()).isEqualTo(id);
        assertThat(hit.path("distance").isInt()).isTrue();
        assertThat(api.get("/m/lookup?signal_type=pdq&signal=" + pdq, null).status())
                .as("HMA has no auth; Pramaan does")
                .isEqualTo(401);
        ApiClient.Response file =
                api.postBytes("/m/lookup", ingest, TestImages.jpeg(TestImages.scale(photo, 0.85), 0.7f));
        assertThat(file.json()
                        .path("pdq")
                        .path("terrorist_content")
                        .get(0)
                        .path("distance")
                        .asInt())
                .isLessThanOrEqualTo(31);
        String flipped = pdq.substring(0, 63) + (pdq.charAt(63) == '0' ? "3" : "0");
        ApiClient.Response cmp = api.postJson("/m/compare", ingest, "{\"pdq\":[\"" + pdq + "\",\"" + flipped + "\"]}");
        assertThat(cmp.json().path("pdq").path("distance").asInt()).isBetween(1, 4);
        assertThat(cmp.json().path("pdq").path("match").asBoolean()).isTrue();
        assertThat(api.get("/c/banks", reviewer).json().findValuesAsText("name"))
                .contains("terrorist_content");
    }
    /**
     * HMA names and states are lower-cased in Locale.ROOT: under a Turkish default locale
     * {@code "TERRORIST_CONTENT".toLowerCase()} is "terrorıst_content" (dotless i), so the bank was
     * created under a name its HMA client could not address, and a disabled bank's state read "dısabled".
     */
    @Test
    void hmaNamesAndStatesDoNotDependOnTheServersLocale() throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(api.postJson(
                                    "/c/banks",
                                    reviewer,
                                    "{\"name\":\"VIOLATING_IMAGES\",\"matching_enabled_ratio\":0.0}")
                            .status())
                    .isEqualTo(201);
            JsonNode banks = api.get("/c/banks", reviewer).json();
            assertThat(banks.findValuesAsText("name")).contains("violating_images");
            assertThat(banks.findValuesAsText("state")).contains("disabled").noneMatch(st -> st.contains("\u0131"));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
