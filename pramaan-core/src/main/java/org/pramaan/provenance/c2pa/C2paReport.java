package org.pramaan.provenance.c2pa;

import java.util.List;
import java.util.Optional;

/**
 * A validated manifest store.
 *
 * @param carrier          where the store was found, e.g. {@code JPEG APP11 (2 segments)}
 * @param activeManifest   the active manifest's label
 * @param manifests        every manifest, active last
 * @param active           the active manifest's results (ingredient-manifest-missing failures included)
 * @param ingredientDeltas per-ingredient results
 * @param state            Invalid / Valid / Trusted
 * @param json             the reference-shaped manifest-store JSON (pretty-printed)
 */
public record C2paReport(
        String carrier,
        String activeManifest,
        List<ManifestSummary> manifests,
        ValidationResults active,
        List<IngredientDelta> ingredientDeltas,
        ValidationState state,
        String json) {
    public C2paReport {
        manifests = List.copyOf(manifests);
        ingredientDeltas = List.copyOf(ingredientDeltas);
    }

    public Optional<ManifestSummary> activeSummary() {
        return manifests.stream().filter(m -> m.label().equals(activeManifest)).findFirst();
    }
}
