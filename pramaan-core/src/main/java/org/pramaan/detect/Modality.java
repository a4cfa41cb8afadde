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
    FACE_EMBEDDING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
