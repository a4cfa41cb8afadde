package org.pramaan.detect;

import java.util.Objects;

/**
 * A model in the models folder that was not loaded, and why: listed next to the loaded ones so an
 * operator sees a refused model rather than wondering why it never scores.
 *
 * @param file the manifest's file name in the models folder
 * @param code the {@link DetectorFailure#code()}
 */
public record RefusedModel(String file, String code, String message) {
    public RefusedModel {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
