package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pramaan.testing.SharedTestData;

/**
 * The live suites judge the peer's reader JSON through {@link PeerSummary}; this pins that summary to
 * index.json, which the test-data author derived from the same stored reader JSON: if the two ever
 * differ, the live cross-check would be applying other criteria than the stored conformance test.
 */
class PeerSummaryTest {
    private static final List<String> SETS = List.of(
            "validation_status_codes",
            "active_failure_codes",
            "active_success_codes",
            "active_informational_codes",
            "ingredient_delta_codes",
            "active_digital_source_types",
            "other_manifest_digital_source_types");

    @Test
    void summaryOfEveryStoredReaderJsonEqualsItsIndexEntry() throws Exception {
        Path root = SharedTestData.folder("c2pa");
        ObjectMapper json = new ObjectMapper();
        int compared = 0;
        for (JsonNode f : json.readTree(root.resolve("index.json").toFile()).get("files")) {
            for (String mode : List.of("default_settings", "trusted_settings")) {
                String suffix = mode.equals("default_settings") ? ".expected.json" : ".expected-trusted.json";
                ObjectNode got = PeerSummary.ofStored(json.readTree(
                        root.resolve(f.get("file").asText() + suffix).toFile()));
                JsonNode want = f.get(mode);
                String what = f.get("file").asText() + " [" + mode + "]";
                assertThat(got.path("outcome").asText())
                        .as(what)
                        .isEqualTo(want.path("outcome").asText());
                if (want.path("outcome").asText().equals("error"))
                    assertThat(got.path("error_name").asText())
                            .as(what)
                            .isEqualTo(want.path("error_name").asText());
                if (!want.path("outcome").asText().equals("manifest")) continue;
                assertThat(got.path("validation_state").asText())
                        .as(what)
                        .isEqualTo(want.path("validation_state").asText());
                assertThat(got.path("claim_generator").asText(""))
                        .as(what)
                        .isEqualTo(want.path("claim_generator").asText(""));
                assertThat(got.path("manifest_count").asInt())
                        .as(what)
                        .isEqualTo(want.path("manifest_count").asInt());
                for (String k : SETS)
                    assertThat(set(got.path(k))).as(what + " " + k).isEqualTo(set(want.path(k)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(40);
    }

    private static Set<String> set(JsonNode a) {
        Set<String> s = new TreeSet<>();
        a.forEach(n -> s.add(n.asText()));
        return s;
    }
}
