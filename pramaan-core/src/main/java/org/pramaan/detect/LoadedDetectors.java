package org.pramaan.detect;

import java.util.List;
import java.util.Optional;

/**
 * What a models folder gave: the models that loaded and those refused, each with its reason, and
 * the runtime's face detector (for {@link Modality#FACE} models and the likeness registry) when it
 * has one.
 */
public record LoadedDetectors(
        List<Detector> detectors,
        List<RefusedModel> refused,
        Optional<FaceDetector> faces,
        List<FaceEmbedder> embedders,
        List<VoiceEmbedder> voices)
        implements AutoCloseable {
    public LoadedDetectors {
        detectors = List.copyOf(detectors);
        refused = List.copyOf(refused);
        java.util.Objects.requireNonNull(faces, "faces");
        embedders = List.copyOf(embedders);
        voices = List.copyOf(voices);
    }

    /** Models, a face detector and face-embedding models; no voice-embedding model. */
    public LoadedDetectors(
            List<Detector> detectors,
            List<RefusedModel> refused,
            Optional<FaceDetector> faces,
            List<FaceEmbedder> embedders) {
        this(detectors, refused, faces, embedders, List.of());
    }

    /** The likeness registry's speaker model: the first loaded voice-embedding model, when there is one. */
    public Optional<VoiceEmbedder> voiceEmbedder() {
        return voices.stream().findFirst();
    }

    /** Models and a face detector, no face-embedding model. */
    public LoadedDetectors(List<Detector> detectors, List<RefusedModel> refused, Optional<FaceDetector> faces) {
        this(detectors, refused, faces, List.of());
    }

    /** The likeness registry's embedder: the first loaded face-embedding model, when there is one and a face detector. */
    public Optional<FaceEmbedder> faceEmbedder() {
        return faces.isEmpty() ? Optional.empty() : embedders.stream().findFirst();
    }

    /** Models without a face detector. */
    public LoadedDetectors(List<Detector> detectors, List<RefusedModel> refused) {
        this(detectors, refused, Optional.empty());
    }

    /** No models folder configured: nothing loaded, nothing refused. */
    public static LoadedDetectors none() {
        return new LoadedDetectors(List.of(), List.of());
    }

    @Override
    public void close() {
        for (Detector d : detectors) d.close();
        for (FaceEmbedder e : embedders) e.close();
        for (VoiceEmbedder v : voices) v.close();
        if (faces.isPresent() && faces.get() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // Freeing a runtime's native memory at shutdown: nothing left to do if it fails.
            }
        }
    }
}
