package org.pramaan.detect;

import java.util.Locale;

/** What a model looks at. Names are stable API (manifests and {@code GET /v1/detectors} use them in lower case). */
public enum Modality {
    /** A whole still image (or one sampled video frame). */
    IMAGE,
    /** A face crop, cut and aligned from an image or a frame. */
    FACE,
    /** A window of audio samples. */
    AUDIO,
    /**
     * A face crop in, an embedding vector out: the likeness registry's model (issue 16, "Protected
     * persons"). Written {@code face-embedding} in manifests; its manifest has a cosine
     * {@code threshold} instead of a calibration and an operating point.
     */
    FACE_EMBEDDING,
    /**
     * Windows of mono samples in, a speaker embedding out: the likeness registry's voice model (issue
     * 16, "consented ... voice samples ... (ONNX, face or speaker)"). Written {@code voice-embedding};
     * its manifest has an audio input (rate, window, hop) and a cosine {@code threshold}.
     */
    VOICE_EMBEDDING;

    /** Whether the model gives an embedding vector (the likeness registry's) rather than a score. */
    public boolean embedding() {
        return this == FACE_EMBEDDING || this == VOICE_EMBEDDING;
    }

    /** Whether the model takes windows of samples (an audio input spec) rather than pixels. */
    public boolean audio() {
        return this == AUDIO || this == VOICE_EMBEDDING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
