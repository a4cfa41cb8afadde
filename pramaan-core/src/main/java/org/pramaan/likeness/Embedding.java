package org.pramaan.likeness;

import java.util.Objects;

/**
 * One enrolled embedding: what it describes and the model that made it. Vectors from different
 * models (or versions) are never compared; a person enrolled under an old model is matched only
 * while that model is installed.
 */
public record Embedding(LikenessModality modality, String model, String modelVersion, Vector vector) {
    public Embedding {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(vector, "vector");
    }
}
