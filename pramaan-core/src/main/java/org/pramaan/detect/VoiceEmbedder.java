package org.pramaan.detect;

/**
 * A speaker-embedding model (port) for the likeness registry (issue 16, "consented ... voice samples
 * ... operator-supplied embedding model (ONNX, face or speaker)"): one window of mono samples in
 * -1..1 at the manifest's rate in, a unit-length vector out. Two voices whose vectors' cosine
 * similarity is at or above {@link #threshold()} are taken for the same speaker; the operator
 * calibrates that threshold on their own pairs. {@code pramaan-detect-onnx} runs ONNX models with a
 * {@code "modality":"voice-embedding"} manifest. Thread-safe.
 */
public interface VoiceEmbedder extends AutoCloseable {
    ModelManifest manifest();

    /** Cosine similarity at or above which two voices are "the same speaker" (the manifest's {@code threshold}). */
    default double threshold() {
        return manifest().operatingPoint();
    }

    /** Rate, window and hop the model takes (present for every voice-embedding manifest). */
    default ModelManifest.AudioInput input() {
        return manifest().audio().orElseThrow();
    }

    /**
     * The L2-normalised embedding of one window of exactly {@code input().windowSamples()} samples.
     *
     * @throws DetectorFailure the model threw, ran past its time limit, or gave a vector that is not
     *                         finite or is all zeros
     */
    float[] embed(float[] window) throws DetectorFailure;

    /** Frees the runtime's native memory; idempotent. */
    @Override
    void close();
}
