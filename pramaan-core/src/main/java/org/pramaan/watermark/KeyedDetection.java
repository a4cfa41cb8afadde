package org.pramaan.watermark;

import java.util.OptionalLong;

/**
 * What {@link KeyedWatermark#detect} found.
 *
 * @param keyId       the key that was tried
 * @param detected    the synchronisation statistic reached the threshold
 * @param score       the best synchronisation statistic over all hypotheses searched (about N(0,1) per hypothesis on an unmarked image)
 * @param threshold   the threshold for a false-positive rate of {@link KeyedWatermark#FALSE_POSITIVE_RATE} per image (docs/watermark.md)
 * @param payload     the decoded 32-bit payload (unsigned), only when detected
 * @param scale       the image's scale relative to the marked original at the best hypothesis (1 = not resized)
 * @param hypotheses  how many (scale, offset) hypotheses were searched
 */
public record KeyedDetection(
        String keyId,
        boolean detected,
        double score,
        double threshold,
        OptionalLong payload,
        double scale,
        int hypotheses) {
    public KeyedDetection {
        java.util.Objects.requireNonNull(keyId, "keyId");
        java.util.Objects.requireNonNull(payload, "payload");
    }
}
