package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pramaan.testing.SharedTestData;

/**
 * Every media file of shared/testdata/c2pa (fixtures/ and reference-signed/) against the reference
 * SDK's results in index.json: outcome, validation_state, the SET of active failure codes, the claim
 * generator and the digitalSourceType values, with default settings and with the test trust anchors.
 * Disagreements fail unless listed in {@link #ALLOWED} with a reason, which is printed.
 */
class C2paConformanceTest {
    /** The reference outputs were produced on 2026-12-01; certificate validity is judged at that time. */
    static final Clock WHEN_REFERENCE_RAN = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    private static final String LEGACY_MP4 = "the active COSE_Sign1 (c2pa-rs 0.16 era, PS256, x5chain unprotected) verifies over the stored claim "
            + "bytes as C2PA 2.2 §13.2 asks; the reference reports claimSignature.mismatch, apparently verifying a re-serialisation of the claim";

    /** file + mode → why we do not (yet) agree. Kept visible in the output table. */
    static final Map<String, String> ALLOWED = Map.of(
            "fixtures/legacy.mp4 [default_settings]", LEGACY_MP4, "fixtures/legacy.mp4 [trusted_settings]", LEGACY_MP4);

    @Test
    void agreesWithReferenceOnEveryFile() throws Exception {
        Path root = SharedTestData.folder("c2pa");
        JsonNode index = new ObjectMapper().readTree(root.resolve("index.json").toFile());
        TrustSettings none = TrustSettings.none(WHEN_REFERENCE_RAN);
        TrustSettings anchors = TrustSettings.fromPem(Files.readString(root.resolve("certs/trust/test_cert_root_bundle.pem")),
                Files.readString(root.resolve("certs/trust/store.cfg")), WHEN_REFERENCE_RAN);
        Map<String, int[]> perFormat = new TreeMap<>();
        List<String> disagreements = new ArrayList<>(), allowed = new ArrayList<>();
        for (JsonNode f : index.get("files")) {
            String file = f.get("file").asText();
            for (String mode : List.of("default_settings", "trusted_settings")) {
                C2paOutcome got = new C2paReader(mode.equals("default_settings") ? none : anchors).read(root.resolve(file));
                String why = Compare.disagreement(f.get(mode), got);
                int[] row = perFormat.computeIfAbsent(f.get("format").asText(), k -> new int[3]);
                row[0]++;
                String key = file + " [" + mode + "]";
                if (why.isEmpty()) row[1]++;
                else if (ALLOWED.containsKey(key)) { row[2]++; allowed.add(key + ": " + why + " — allowed: " + ALLOWED.get(key)); }
                else { row[2]++; disagreements.add(key + ": " + why); }
            }
        }
        System.out.println("C2PA conformance against the reference (c2pa-rs 0.90.1), files x 2 settings: outcome, validation_state, active failure/"
                + "informational/success code sets, validation_status and ingredient-delta code sets, claim generator, digitalSourceTypes (active and "
                + "ingredient manifests), manifest count.");
        System.out.println("  Not compared: timeStamp.trusted vs timeStamp.untrusted (TSA roots: JDK cacerts here, the reference's own list there).");
        System.out.printf("  %-18s %6s %9s %12s%n", "format", "checks", "agreeing", "disagreeing");
        perFormat.forEach((k, v) -> System.out.printf("  %-18s %6d %9d %12d%n", k, v[0], v[1], v[2]));
        allowed.forEach(a -> System.out.println("  ALLOW-LISTED " + a));
        disagreements.forEach(d -> System.out.println("  DISAGREES " + d));
        assertThat(disagreements).isEmpty();
    }

    /** real-ai/ is not in index.json: compare state, active failure codes and claim generators with the full expected JSON. */
    @Test
    void realGeneratorOutputsAgreeWithReference() throws Exception {
        Path root = SharedTestData.folder("c2pa");
        TrustSettings anchors = TrustSettings.fromPem(Files.readString(root.resolve("certs/trust/test_cert_root_bundle.pem")),
                Files.readString(root.resolve("certs/trust/store.cfg")), WHEN_REFERENCE_RAN);
        for (String f : List.of("real-ai/ChatGPT_Image.png", "real-ai/Firefly_tabby_cat.jpg")) {
            for (boolean trusted : List.of(false, true)) {
                JsonNode want = new ObjectMapper().readTree(root.resolve(f + (trusted ? ".expected-trusted.json" : ".expected.json")).toFile());
                C2paOutcome got = new C2paReader(trusted ? anchors : TrustSettings.none(WHEN_REFERENCE_RAN)).read(root.resolve(f));
                assertThat(got).as(f).isInstanceOf(C2paOutcome.Read.class);
                C2paReport r = ((C2paOutcome.Read) got).report();
                assertThat(r.state().display()).as(f).isEqualTo(want.get("validation_state").asText());
                Set<String> failures = new TreeSet<>();
                want.path("validation_results").path("activeManifest").path("failure").forEach(n -> failures.add(n.get("code").asText()));
                assertThat(new TreeSet<>(r.active().failureCodes())).as(f).isEqualTo(failures);
                assertThat(r.activeManifest()).isEqualTo(want.get("active_manifest").asText());
                JsonNode wm = want.path("manifests").path(r.activeManifest());
                assertThat(r.activeSummary().orElseThrow().claimGenerator().orElse("")).isEqualTo(wm.path("claim_generator").asText(""));
                assertThat(r.activeSummary().orElseThrow().generatorNames().get(0)).isEqualTo(wm.path("claim_generator_info").get(0).path("name").asText());
                assertThat(r.activeSummary().orElseThrow().signatureAlg()).isEqualTo(wm.path("signature_info").path("alg").asText());
                assertThat(r.activeSummary().orElseThrow().signerOrganization()).isEqualTo(wm.path("signature_info").path("issuer").asText());
            }
        }
    }

    /** The comparison rules, kept apart so they read as the acceptance criteria. */
    static final class Compare {
        static String disagreement(JsonNode want, C2paOutcome got) {
            String outcome = want.get("outcome").asText();
            return switch (outcome) {
                case "no_manifest" -> got instanceof C2paOutcome.NoManifest ? "" : "expected no manifest, got " + brief(got);
                case "error" -> error(want.get("error_name").asText(), got);
                default -> manifest(want, got);
            };
        }

        private static String error(String name, C2paOutcome got) {
            if (name.startsWith("C2pa(RemoteManifestUrl(")) {
                String url = name.substring(name.indexOf("(\"") + 2, name.lastIndexOf("\")"));
                return got instanceof C2paOutcome.RemoteReference r && r.url().equals(url) ? "" : "expected remote reference " + url + ", got " + brief(got);
            }
            return got instanceof C2paOutcome.Unreadable ? "" : "expected a read error (" + name + "), got " + brief(got);
        }

        private static String manifest(JsonNode want, C2paOutcome got) {
            if (!(got instanceof C2paOutcome.Read read)) return "expected a manifest store, got " + brief(got);
            C2paReport r = read.report();
            List<String> problems = new ArrayList<>();
            if (!want.get("validation_state").asText().equals(r.state().display())) problems.add("state " + r.state().display() + " != " + want.get("validation_state").asText());
            Set<String> wantFail = strings(want.get("active_failure_codes"));
            if (!wantFail.equals(new TreeSet<>(r.active().failureCodes()))) problems.add("failures " + new TreeSet<>(r.active().failureCodes()) + " != " + wantFail);
            Set<String> info = withoutTsaTrust(ValidationResults.codes(r.active().informational()));
            if (!withoutTsaTrust(strings(want.get("active_informational_codes"))).equals(info)) problems.add("informational " + info + " != " + strings(want.get("active_informational_codes")));
            Set<String> success = withoutTsaTrust(ValidationResults.codes(r.active().success()));
            if (!withoutTsaTrust(strings(want.get("active_success_codes"))).equals(success)) problems.add("success " + success + " != " + strings(want.get("active_success_codes")));
            ManifestSummary active = r.activeSummary().orElseThrow();
            String wantGen = want.path("claim_generator").asText("");
            if (!wantGen.equals(active.claimGenerator().orElse(""))) problems.add("claim_generator '" + active.claimGenerator().orElse("") + "' != '" + wantGen + "'");
            Set<String> dst = new TreeSet<>();
            active.actions().forEach(a -> a.digitalSourceType().ifPresent(d -> dst.add(a.action() + " " + d)));
            if (!strings(want.get("active_digital_source_types")).equals(dst)) problems.add("digitalSourceTypes " + dst + " != " + strings(want.get("active_digital_source_types")));
            Set<String> deltas = new TreeSet<>();
            r.ingredientDeltas().forEach(d -> { d.deltas().informational().forEach(c -> deltas.add(c.code())); d.deltas().failure().forEach(c -> deltas.add(c.code())); });
            if (!strings(want.get("ingredient_delta_codes")).equals(deltas)) problems.add("ingredient delta codes " + deltas + " != " + strings(want.get("ingredient_delta_codes")));
            Set<String> status = new TreeSet<>(r.active().failureCodes());
            r.ingredientDeltas().forEach(d -> status.addAll(d.deltas().failureCodes()));
            if (!strings(want.get("validation_status_codes")).equals(status)) problems.add("validation_status " + status + " != " + strings(want.get("validation_status_codes")));
            Set<String> otherDst = new TreeSet<>();
            r.manifests().stream().filter(m -> !m.label().equals(r.activeManifest()))
                    .forEach(m -> m.actions().forEach(a -> a.digitalSourceType().ifPresent(d -> otherDst.add(a.action() + " " + d))));
            if (!strings(want.get("other_manifest_digital_source_types")).equals(otherDst)) {
                problems.add("ingredient-manifest digitalSourceTypes " + otherDst + " != " + strings(want.get("other_manifest_digital_source_types")));
            }
            if (want.get("manifest_count").asInt() != r.manifests().size()) problems.add("manifests " + r.manifests().size() + " != " + want.get("manifest_count").asInt());
            return String.join("; ", problems);
        }

        /**
         * Whether a TSA is trusted depends on the root store: ours is the JDK's cacerts, the reference's a
         * list of its own, and they differ for the 2025 DigiCert responders. Not compared; printed by the test.
         */
        static Set<String> withoutTsaTrust(Set<String> codes) {
            Set<String> s = new TreeSet<>(codes);
            s.remove("timeStamp.trusted");
            s.remove("timeStamp.untrusted");
            return s;
        }

        static Set<String> strings(JsonNode a) {
            Set<String> s = new TreeSet<>();
            if (a != null) a.forEach(n -> s.add(n.asText()));
            return s;
        }

        static String brief(C2paOutcome o) {
            return switch (o) {
                case C2paOutcome.NoManifest n -> "no manifest";
                case C2paOutcome.RemoteReference r -> "remote reference " + r.url();
                case C2paOutcome.Unreadable u -> "unreadable " + u.code() + ": " + u.message();
                case C2paOutcome.Read r -> "a manifest store (" + r.report().state().display() + ")";
            };
        }
    }
}
