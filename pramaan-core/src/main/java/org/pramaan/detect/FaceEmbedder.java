package org.pramaan.detect;

import java.awt.image.BufferedImage;

/**
 * A face-embedding model (port) for the likeness registry (issue 16, "Protected persons"): an aligned
 * face crop in, a unit-length vector out. Two faces whose vectors' cosine similarity (their dot
 * product) is at or above {@link #threshold()} are taken for the same person; the operator
 * calibrates that threshold on their own pairs. {@code pramaan-detect-onnx} runs ONNX models with
 * a {@code "modality":"face-embedding"} manifest. Thread-safe.
 */
public interface FaceEmbedder extends AutoCloseable {
    ModelManifest manifest();

    /** Cosine similarity at or above which two faces are "the same person" (the manifest's {@code threshold}). */
    default double threshold() {
        return manifest().operatingPoint();
    }

    /** Side of the square crop the model takes ({@link FaceCrops#align} cuts it). */
    default int cropSide() {
        return Math.min(
                FaceCrops.MAX_SIDE,
                Math.max(
                        8,
                        Math.max(manifest().input().width(), manifest().input().height())));
    }

    /**
     * The L2-normalised embedding of one aligned face crop.
     *
     * @throws DetectorFailure the model threw, ran past its time limit, or gave a vector that is not
     *                         finite or is all zeros (no direction to compare)
     */
    float[] embed(BufferedImage alignedFace) throws DetectorFailure;

    /** Frees the runtime's native memory; idempotent. */
    @Override
    void close();

    /** Scales {@code v} to unit length in place; refuses a non-finite or all-zero vector. */
    static float[] normalise(float[] v, String model) throws DetectorFailure {
        double sum = 0;
        for (float x : v) {
            if (!Float.isFinite(x))
                throw new DetectorFailure("detect.run_failed", "model " + model + " gave a non-finite embedding");
            sum += (double) x * x;
        }
        if (v.length == 0 || sum == 0)
            throw new DetectorFailure("detect.run_failed", "model " + model + " gave an empty or all-zero embedding");
        double norm = Math.sqrt(sum);
        for (int i = 0; i < v.length; i++) v[i] = (float) (v[i] / norm);
        return v;
    }
}
