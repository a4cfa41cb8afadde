package org.pramaan.detect;

import java.util.List;
import java.util.Objects;

/**
 * One model's opinion about one item. A score is never proof: the assessment lets a calibrated
 * probability raise an item at most to SUSPECTED_SYNTHETIC (a human review), never to confirmed and
 * never to a block (issue 16, "Fusion into tiers").
 *
 * @param modelId     the manifest's id
 * @param modelVersion the manifest's version
 * @param sha256      the weights' SHA-256 that was verified before loading, so a verdict records the exact model
 * @param raw         the model's output as it came (a logit or a probability, per the manifest)
 * @param probability the calibrated probability that the item is synthetic, 0..1
 * @param operatingPoint the manifest's threshold: at or above it the model says "synthetic"
 * @param evidence    the regions, frames or time ranges that drove the score; at least one
 */
public record DetectorScore(
        String modelId,
        String modelVersion,
        String sha256,
        double raw,
        double probability,
        double operatingPoint,
        List<Evidence> evidence) {
    public DetectorScore {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(sha256, "sha256");
        if (!Double.isFinite(raw))
            throw new IllegalArgumentException("model " + modelId + " gave a non-finite output: " + raw);
        if (!(probability >= 0 && probability <= 1))
            throw new IllegalArgumentException("a calibrated probability lies in 0..1, got " + probability);
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty()) throw new IllegalArgumentException("a score names what drove it");
    }

    /** Whether the calibrated probability reaches the operator's operating point. */
    public boolean saysSynthetic() {
        return probability >= operatingPoint;
    }
}
