package org.pramaan.onnx;

import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.FaceEmbedder;
import org.pramaan.detect.ModelManifest;
import org.pramaan.detect.VoiceEmbedder;

/**
 * A {@code "modality":"voice-embedding"} model on ONNX Runtime (issue 16, speaker embeddings for the
 * likeness registry): loaded and verified exactly as a detector ({@link OnnxImageDetector#open}:
 * SHA-256, the graph's input against the manifest's audio window, the output's size, time limit per
 * call); its whole output tensor is the embedding of one window, scaled here to unit length so a dot
 * product is the cosine similarity the manifest's threshold speaks of.
 */
final class OnnxVoiceEmbedder implements VoiceEmbedder {
    private final OnnxImageDetector model;

    OnnxVoiceEmbedder(OnnxImageDetector model) {
        this.model = model;
    }

    @Override
    public ModelManifest manifest() {
        return model.manifest();
    }

    @Override
    public float[] embed(float[] window) throws DetectorFailure {
        ModelManifest m = model.manifest();
        return FaceEmbedder.normalise(model.embedding(window), m.id() + " " + m.version());
    }

    @Override
    public void close() {
        model.close();
    }
}
