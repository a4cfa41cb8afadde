package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pramaan.testing.SharedTestData;

/**
 * Every media file of shared/testdata/c2pa (fixtures/ and reference-signed/) against the reference
 * SDK's results in index.json: outcome, validation_state, the SETS of active failure, success and
 * informational codes (informational ones included since issue 18, timeStamp.trusted/untrusted too), the
 * claim generator and the digitalSourceType values, with default settings and with the test trust anchors.
 * Disagreements fail unless listed in {@link ReferenceComparison#KNOWN} with a reason, which is printed.
 */
class C2paConformanceTest {
    /** The reference outputs were produced on 2026-12-01; certificate validity is judged at that time. */
    static final Clock WHEN_REFERENCE_RAN = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void agreesWithReferenceOnEveryFile() throws Exception {
        Path root = SharedTestData.folder("c2pa");
        JsonNode index = new ObjectMapper().readTree(root.resolve("index.json").toFile());
        TrustSettings none = TrustSettings.none(WHEN_REFERENCE_RAN);
        TrustSettings anchors = TrustSettings.fromPem(
                Files.readString(root.resolve("certs/trust/test_cert_root_bundle.pem")),
                Files.readString(root.resolve("certs/trust/store.cfg")),
                WHEN_REFERENCE_RAN);
        ReferenceComparison.Tally tally = new ReferenceComparison.Tally();
        for (JsonNode f : index.get("files")) {
            String file = f.get("file").asText();
            for (String mode : List.of("default_settings", "trusted_settings")) {
                C2paOutcome got =
                        new C2paReader(mode.equals("default_settings") ? none : anchors).read(root.resolve(file));
                tally.add(f.get("format").asText(), file, mode, ReferenceComparison.disagreement(f.get(mode), got));
            }
        }
        System.out.println(
                "C2PA conformance against the reference (c2pa-rs 0.90.1), files x 2 settings: outcome, validation_state, active failure/"
                        + "informational/success code sets, validation_status and ingredient-delta code sets, claim generator, digitalSourceTypes (active and "
                        + "ingredient manifests), manifest count.");
        tally.print();
        assertThat(tally.disagreements).isEmpty();
    }

    /** real-ai/ is not in index.json: compare state, active failure and informational codes and claim generators with the full expected JSON. */
    @Test
    void realGeneratorOutputsAgreeWithReference() throws Exception {
        Path root = SharedTestData.folder("c2pa");
        TrustSettings anchors = TrustSettings.fromPem(
                Files.readString(root.resolve("certs/trust/test_cert_root_bundle.pem")),
                Files.readString(root.resolve("certs/trust/store.cfg")),
                WHEN_REFERENCE_RAN);
        for (String f : List.of("real-ai/ChatGPT_Image.png", "real-ai/Firefly_tabby_cat.jpg")) {
            for (boolean trusted : List.of(false, true)) {
                JsonNode want = new ObjectMapper()
                        .readTree(root.resolve(f + (trusted ? ".expected-trusted.json" : ".expected.json"))
                                .toFile());
                C2paOutcome got = new C2paReader(trusted ? anchors : TrustSettings.none(WHEN_REFERENCE_RAN))
                        .read(root.resolve(f));
                assertThat(got).as(f).isInstanceOf(C2paOutcome.Read.class);
                C2paReport r = ((C2paOutcome.Read) got).report();
                assertThat(r.state().display())
                        .as(f)
                        .isEqualTo(want.get("validation_state").asText());
                Set<String> failures = new TreeSet<>();
                want.path("validation_results")
                        .path("activeManifest")
                        .path("failure")
                        .forEach(n -> failures.add(n.get("code").asText()));
                assertThat(new TreeSet<>(r.active().failureCodes())).as(f).isEqualTo(failures);
                Set<String> informational = new TreeSet<>();
                want.path("validation_results")
                        .path("activeManifest")
                        .path("informational")
                        .forEach(n -> informational.add(n.get("code").asText()));
                assertThat(ValidationResults.codes(r.active().informational()))
                        .as(f + " informational")
                        .isEqualTo(informational);
                assertThat(r.activeManifest())
                        .isEqualTo(want.get("active_manifest").asText());
                JsonNode wm = want.path("manifests").path(r.activeManifest());
                assertThat(r.activeSummary().orElseThrow().claimGenerator().orElse(""))
                        .isEqualTo(wm.path("claim_generator").asText(""));
                assertThat(r.activeSummary().orElseThrow().generatorNames().get(0))
                        .isEqualTo(wm.path("claim_generator_info")
                                .get(0)
                                .path("name")
                                .asText());
                assertThat(r.activeSummary().orElseThrow().signatureAlg())
                        .isEqualTo(wm.path("signature_info").path("alg").asText());
                assertThat(r.activeSummary().orElseThrow().signerOrganization())
                        .isEqualTo(wm.path("signature_info").path("issuer").asText());
            }
        }
    }
}
