package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pramaan.testkit.TestImages;

/**
 * Issue 11 defect 5: every number a client sends, in a JSON body, a query or a path, is checked for
 * type (an integral JSON number, not a string, not a fraction), and range, and refused with a 400
 * naming the field; nothing is coerced and nothing is stored. "Nothing stored" is read off the
 * audit log, which every write appends to: its length must not change.
 */
class NumericInputTest extends ServerTestBase {
    /** {@code $MEDIA} and {@code $CASE} are replaced by a real media and case id. */
    record Bad(String method, String path, String body, String field) {
        @Override
        public String toString() {
            return method + " " + path + " " + (body == null ? "" : body) + " -> " + field;
        }
    }

    static final String PDQ = "f".repeat(64);

    static Stream<Bad> badNumbers() {
        List<Bad> out = new ArrayList<>();
        // The values the issue reproduced, and their neighbours: beyond int, beyond long, strings, fractions,
        // exponents, booleans.
        for (String v : List.of(
                "4294967327",
                "-4294967265",
                "\"31abc\"",
                "31.9",
                "\"NaN\"",
                "\"31\"",
                "31.0",
                "3.1e1",
                "129",
                "-1",
                "true",
                "99999999999999999999",
                "[31]",
                "{}")) {
            out.add(new Bad(
                    "POST",
                    "/v1/banks",
                    "{\"name\":\"fresh\",\"kind\":\"known-deepfake\",\"pdqThreshold\":" + v + "}",
                    "pdqThreshold"));
            out.add(new Bad("PUT", "/v1/banks/existing", "{\"pdqThreshold\":" + v + "}", "pdqThreshold"));
        }
        for (String v : List.of("4294967346", "101", "-1", "\"50\"", "50.5", "false")) {
            out.add(new Bad(
                    "POST",
                    "/v1/banks",
                    "{\"name\":\"fresh\",\"kind\":\"known-deepfake\",\"qualityFloor\":" + v + "}",
                    "qualityFloor"));
            out.add(new Bad("PUT", "/v1/banks/existing", "{\"qualityFloor\":" + v + "}", "qualityFloor"));
        }
        // Unknown fields are refused by name, not ignored (a misspelt threshold would otherwise leave the default in
        // force).
        out.add(new Bad(
                "POST",
                "/v1/banks",
                "{\"name\":\"fresh\",\"kind\":\"known-deepfake\",\"pdqThresold\":10}",
                "pdqThresold"));
        out.add(new Bad("PUT", "/v1/banks/existing", "{\"createdAt\":\"2020-01-01T00:00:00Z\"}", "createdAt"));
        out.add(new Bad("PUT", "/v1/banks/existing", "{\"items\":0}", "items"));
        for (String v : List.of("0", "-1", "abc", "1.5", "%2B5", "99999999999999999999"))
            out.add(new Bad("GET", "/v1/banks/existing/items?limit=" + v, null, "limit"));
        for (String v : List.of("-1", "abc", "0x10", "99999999999999999999"))
            out.add(new Bad("GET", "/v1/banks/existing/items?after=" + v, null, "after"));
        for (String v : List.of("0", "-1", "abc", "99999999999999999999"))
            out.add(new Bad("DELETE", "/v1/banks/existing/items/" + v, null, "item id"));
        for (String v : List.of("0", "1001", "-5", "ten", "1.5"))
            out.add(new Bad("GET", "/v1/deliveries?state=dead&limit=" + v, null, "limit"));
        for (String v : List.of("0", "-1", "x", "99999999999999999999"))
            out.add(new Bad("POST", "/v1/holds/" + v + "/release", "{}", "hold id"));
        for (String v :
                List.of("\"2020-01-01T00:00:00Z\"", "\"+1000000000-01-01T00:00:00Z\"", "12345", "\"tomorrow\"")) {
            out.add(new Bad(
                    "POST", "/v1/holds", "{\"mediaId\":\"$MEDIA\",\"reason\":\"x\",\"until\":" + v + "}", "until"));
        }
        for (String v : List.of("0", "366", "\"30\"", "30.5", "4294967326", "-4294967265")) {
            out.add(new Bad(
                    "POST",
                    "/v1/cases/$CASE/actions",
                    "{\"action\":\"suspend_account\",\"accountId\":\"acct-1\",\"days\":" + v + "}",
                    "days"));
        }
        for (String v : List.of(
                "\"2999-01-01T00:00:00Z\"",
                "\"+1000000000-01-01T00:00:00Z\"",
                "\"1999-12-31T23:59:59Z\"",
                "1767225600",
                "\"yesterday\"")) {
            out.add(new Bad(
                    "POST",
                    "/v1/notices",
                    "{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"$MEDIA\",\"receivedAt\":" + v
                            + ",\"fields\":{\"complainant\":\"self\",\"url\":\"https://example.org/p/1\"}}",
                    "receivedAt"));
        }
        for (String v : List.of("101", "-1", "\"90\"", "90.5", "4294967296")) {
            out.add(new Bad(
                    "POST",
                    "/v1/match",
                    "{\"pdq\":[{\"hash\":\"" + PDQ + "\",\"quality\":" + v + "}]}",
                    "pdq[0].quality"));
            out.add(new Bad(
                    "POST",
                    "/c/bank/existing/content",
                    "{\"signal_type\":\"pdq\",\"signal\":\"" + PDQ + "\",\"quality\":" + v + "}",
                    "quality"));
        }
        for (String v : List.of("2", "-0.1", "\"1\"", "true", "1e400"))
            out.add(new Bad(
                    "POST",
                    "/c/banks",
                    "{\"name\":\"hma-fresh\",\"matching_enabled_ratio\":" + v + "}",
                    "matching_enabled_ratio"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNumbers")
    void aBadNumberIsRefusedNamingTheFieldAndNothingIsStored(Bad bad) throws Exception {
        assertThat(api.postJson("/v1/banks", ADMIN, "{\"name\":\"existing\",\"kind\":\"known-deepfake\"}")
                        .status())
                .isEqualTo(201);
        String media = upload(TestImages.png(TestImages.photo(80, 60, 3)));
        String caseId = notice("IN_3_2_B_COMPLAINT", media);
        assertThat(api.postJson(
                                "/v1/cases/" + caseId + "/actions",
                                ADMIN,
                                "{\"action\":\"warn_account\",\"accountId\":\"acct-1\"}")
                        .status())
                .isEqualTo(200);
        long auditBefore = auditLength();
        String casesBefore = api.get("/v1/cases", ADMIN).raw();

        String path = bad.path().replace("$MEDIA", media).replace("$CASE", caseId);
        String body =
                bad.body() == null ? null : bad.body().replace("$MEDIA", media).replace("$CASE", caseId);
        ApiClient.Response r = api.send(bad.method(), path, ADMIN, body == null ? null : "application/json", body);

        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).as(r.raw()).isEqualTo("request.invalid");
        assertThat(r.json().path("error").path("message").asText()).as(r.raw()).contains(bad.field());
        assertThat(auditLength()).as("audit entries after a refused request").isEqualTo(auditBefore);
        assertThat(api.get("/v1/cases", ADMIN).raw()).isEqualTo(casesBefore);
        JsonNode existing = api.get("/v1/banks/existing", ADMIN).json();
        assertThat(existing.path("pdqThreshold").asInt()).isEqualTo(31);
        assertThat(existing.path("qualityFloor").asInt()).isEqualTo(50);
        assertThat(existing.path("items").asInt()).isZero();
        assertThat(api.get("/v1/banks/fresh", ADMIN).status()).isEqualTo(404);
        assertThat(api.get("/v1/banks/hma-fresh", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void messagesNameTheValueAndTheRange() throws Exception {
        ApiClient.Response r = api.postJson(
                "/v1/banks", ADMIN, "{\"name\":\"fresh\",\"kind\":\"known-deepfake\",\"pdqThreshold\":4294967327}");
        assertThat(r.json().path("error").path("message").asText())
                .contains("pdqThreshold")
                .contains("4294967327")
                .contains("0..128");
        r = api.postJson(
                "/v1/banks", ADMIN, "{\"name\":\"fresh\",\"kind\":\"known-deepfake\",\"qualityFloor\":\"50\"}");
        assertThat(r.json().path("error").path("message").asText())
                .contains("qualityFloor")
                .contains("\"50\"")
                .contains("0..100");
    }

    @Test
    void numbersInRangeAreAcceptedExactly() throws Exception {
        ApiClient.Response r = api.postJson(
                "/v1/banks",
                ADMIN,
                "{\"name\":\"edge\",\"kind\":\"known-deepfake\",\"pdqThreshold\":128,\"qualityFloor\":0}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json().path("pdqThreshold").asInt()).isEqualTo(128);
        assertThat(r.json().path("qualityFloor").asInt()).isZero();
        ApiClient.Response u = api.send(
                "PUT", "/v1/banks/edge", ADMIN, "application/json", "{\"pdqThreshold\":0,\"qualityFloor\":100}");
        assertThat(u.status()).as(u.raw()).isEqualTo(200);
        assertThat(u.json().path("pdqThreshold").asInt()).isZero();
        assertThat(u.json().path("qualityFloor").asInt()).isEqualTo(100);
        assertThat(api.get("/v1/banks/edge/items?limit=10000&after=0", ADMIN).status())
                .isEqualTo(200);
        assertThat(api.get("/v1/deliveries?state=dead&limit=1000", ADMIN).status())
                .isEqualTo(200);
    }

    private long auditLength() throws Exception {
        ApiClient.Response v = api.get("/v1/audit/verify", ADMIN);
        assertThat(v.status()).as(v.raw()).isEqualTo(200);
        return v.json().path("entriesChecked").asLong();
    }
}
