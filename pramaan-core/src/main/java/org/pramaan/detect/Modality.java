package org.pramaan.detect;

import java.util.Locale;

/** What a model looks at. Names are stable API (manifests and {@code GET /v1/detectors} use them in lower case). */
public enum Modality {
    /** A whole still image (or one sampled video frame). */
    IMAGE,
    /** A face crop, cut and aligned from an image or a frame. */
    FACE,
    /** A window of audio samples. */
    AUDIO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
