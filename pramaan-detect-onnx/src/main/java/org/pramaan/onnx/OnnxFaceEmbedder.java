package org.pramaan.onnx;

import java.awt.image.BufferedImage;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.FaceEmbedder;
import org.pramaan.detect.ModelManifest;

/**
 * A {@code "modality":"face-embedding"} model on ONNX Runtime: loaded and verified exactly as a
 * detector ({@link OnnxImageDetector#open}: SHA-256, graph input and output against the manifest,
 * time limit per call); its whole output tensor is the embedding, scaled here to unit length so a
 * dot product is the cosine similarity the manifest's threshold speaks of.
 */
final class OnnxFaceEmbedder implements FaceEmbedder {
    private final OnnxImageDetector model;

    OnnxFaceEmbedder(OnnxImageDetector model) {
        this.model = model;
    }

    @Override
    public ModelManifest manifest() {
        return model.manifest();
    }

    @Override
    public float[] embed(BufferedImage alignedFace) throws DetectorFailure {
        ModelManifest m = model.manifest();
        return FaceEmbedder.normalise(model.embedding(alignedFace), m.id() + " " + m.version());
    }

    @Override
    public void close() {
        model.close();
    }
}
