package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pramaan.media.MediaSource;

/**
 * Validates a whole store: the active manifest against the asset, then every ingredient manifest
 * reachable from it (C2PA 2.2 §15.4), reporting each as a delta against what the ingredient assertion
 * recorded, and derives the {@link ValidationState}.
 */
final class StoreValidator {
    static final int MAX_INGREDIENT_DEPTH = 16;

    record Result(
            ValidationResults active,
            List<IngredientDelta> deltas,
            Map<String, ManifestValidator.Validated> perManifest,
            ValidationState state) {}

    private final ManifestStore store;
    private final ManifestValidator validator;
    private final TrustSettings trust;
    private final Map<String, ManifestValidator.Validated> done = new LinkedHashMap<>();
    private final List<IngredientDelta> deltas = new ArrayList<>();
    private final Set<String> walked = new HashSet<>();

    StoreValidator(ManifestStore store, TrustSettings trust) {
        this.store = store;
        this.validator = new ManifestValidator(store, trust);
        this.trust = trust;
    }

    Result run(Optional<MediaSource> asset) throws C2paException, IOException {
        Manifest active = store.active();
        ManifestValidator.Validated a = (asset.isEmpty()
                        ? new ManifestValidator(store, trust).requestHardBinding()
                        : validator)
                .validate(active, asset);
        done.put(active.label(), a);
        ValidationResults.Log extra = new ValidationResults.Log();
        ingredients(active, extra, 0);
        ValidationResults activeResults = new ValidationResults(
                a.results().success(),
                a.results().informational(),
                concat(a.results().failure(), extra.failure));
        for (Manifest m : store.manifests())
            if (!done.containsKey(m.label())) done.put(m.label(), validator.validate(m, Optional.empty()));
        return new Result(activeResults, List.copyOf(deltas), Map.copyOf(done), state(activeResults));
    }

    private void ingredients(Manifest m, ValidationResults.Log parentLog, int depth) throws C2paException, IOException {
        if (depth > MAX_INGREDIENT_DEPTH || !walked.add(m.label())) return;
        for (String label : m.assertions().keySet()) {
            if (!label.startsWith("c2pa.ingredient")) continue;
            Optional<JsonNode> ing = validator.assertionCbor(m, label);
            if (ing.isPresent()) ingredient(m, label, ing.get(), parentLog, depth);
        }
    }

    private void ingredient(Manifest m, String label, JsonNode ing, ValidationResults.Log parentLog, int depth)
            throws C2paException, IOException {
        String uri = "self#jumbf=/c2pa/" + m.label() + "/c2pa.assertions/" + label;
        ValidationResults.Log log = new ValidationResults.Log();
        Optional<HashedUri> ref = HashedUri.from(
                ing.has("activeManifest") ? ing.get("activeManifest") : ing.get("c2pa_manifest"),
                m.claim().alg());
        if (ref.isEmpty()) {
            log.info(
                    "ingredient.unknownProvenance",
                    uri,
                    (ing.has("dc:title") ? Cbor.text(ing, "dc:title") : Cbor.text(ing, "title"))
                            + ": ingredient does not have provenance");
            deltas.add(new IngredientDelta(uri, log.build()));
            return;
        }
        String target = manifestLabel(ref.get().path());
        Optional<Manifest> im = store.byLabel(target);
        if (im.isEmpty()) {
            parentLog.fail("ingredient.manifest.missing", target, "ingredient manifest missing");
            log.fail("ingredient.manifest.missing", target, "ingredient not found");
            deltas.add(new IngredientDelta(uri, log.build()));
            return;
        }
        int match = manifestHashMatches(im.get(), ref.get());
        if (match == 1)
            log.success("ingredient.manifest.validated", "self#jumbf=/c2pa/" + target, "ingredient hash matched");
        else if (match == 0)
            log.fail(
                    "ingredient.manifest.mismatch",
                    "self#jumbf=/c2pa/" + target,
                    "ingredient hash does not match the manifest");
        ManifestValidator.Validated v =
                done.containsKey(target) ? done.get(target) : validator.validate(im.get(), Optional.empty());
        done.putIfAbsent(target, v);
        Set<String> recorded = recordedCodes(ing);
        ValidationResults own = v.results().without(s -> recorded.contains(s.code()));
        deltas.add(new IngredientDelta(
                uri,
                new ValidationResults(
                        concat(log.success, own.success()),
                        concat(log.informational, own.informational()),
                        concat(log.failure, own.failure()))));
        // A v3 ingredient records its own validationResults, nested ingredient deltas included (§15.2.3);
        // they are not re-reported, as the reference does.
        if (!ing.has("validationResults")) ingredients(im.get(), new ValidationResults.Log(), depth + 1);
    }

    /**
     * 1: the hash covers the manifest superbox contents (§8.4.2.3); 2: it covers the claim bytes, as
     * writers before C2PA 1.3 did (accepted, but not reported as validated, like the reference); 0: neither.
     */
    private int manifestHashMatches(Manifest m, HashedUri ref) {
        if (Hashing.digest(ref.alg()).isEmpty()) return 0;
        Jumbf.Box b = m.box();
        if (MessageDigest.isEqual(Hashing.of(ref.alg(), store.bytes(), b.contentStart(), b.end()), ref.hash()))
            return 1;
        byte[] claim = m.claim().bytes();
        return MessageDigest.isEqual(Hashing.of(ref.alg(), claim, 0, claim.length), ref.hash()) ? 2 : 0;
    }

    /** Codes the ingredient assertion recorded: v1/v2 {@code validationStatus}, v3 {@code validationResults}. */
    private static Set<String> recordedCodes(JsonNode ing) {
        Set<String> out = new HashSet<>();
        ing.path("validationStatus").forEach(s -> out.add(Cbor.text(s, "code")));
        JsonNode am = ing.path("validationResults").path("activeManifest");
        for (String k : List.of("success", "informational", "failure"))
            am.path(k).forEach(s -> out.add(Cbor.text(s, "code")));
        return out;
    }

    static String manifestLabel(String path) {
        String p = path.startsWith("/c2pa/") ? path.substring(6) : path;
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }

    /** Invalid on any failure but an untrusted credential; Trusted only with no failure anywhere. */
    private ValidationState state(ValidationResults active) {
        List<StatusCode> all = new ArrayList<>(active.failure());
        deltas.forEach(d -> all.addAll(d.deltas().failure()));
        if (all.stream().anyMatch(s -> !s.code().equals("signingCredential.untrusted"))) return ValidationState.INVALID;
        return all.isEmpty() ? ValidationState.TRUSTED : ValidationState.VALID;
    }

    private static List<StatusCode> concat(List<StatusCode> a, List<StatusCode> b) {
        List<StatusCode> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
