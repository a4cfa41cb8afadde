package org.pramaan.detect;

import java.awt.image.BufferedImage;

/**
 * A loaded model (port). Implementations verify the weights against {@link #manifest()} before they
 * exist, preprocess as the manifest says, and calibrate with its table; {@code pramaan-detect-onnx}
 * runs ONNX models. Instances are shared by screening threads, so {@link #score} is thread-safe.
 */
public interface Detector extends AutoCloseable {
    ModelManifest manifest();

    /**
     * Scores one decoded image (a whole image for {@link Modality#IMAGE} models).
     *
     * @throws DetectorFailure the model threw or ran past its time limit; the caller falls back to
     *                         the other signals
     */
    DetectorScore score(BufferedImage image) throws DetectorFailure;

    /**
     * Scores one window of mono samples in -1..1 at the manifest's rate, exactly
     * {@code manifest().audio().windowSamples()} long ({@link Modality#AUDIO} models); {@code range} is
     * where the window lies in the item and becomes the score's evidence.
     *
     * @throws DetectorFailure the model threw, ran past its time limit, or takes no audio
     */
    default DetectorScore score(float[] window, Evidence.TimeRange range) throws DetectorFailure {
        throw new DetectorFailure(
                "detect.input_spec",
                "model " + manifest().id() + " is a " + manifest().modality().wireName() + " model; it takes no audio");
    }

    /** Frees the runtime's native memory; idempotent. */
    @Override
    void close();
}
