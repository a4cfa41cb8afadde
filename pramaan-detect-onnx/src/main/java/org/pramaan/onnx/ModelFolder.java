package org.pramaan.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.LoadedDetectors;
import org.pramaan.detect.RefusedModel;

/**
 * Reads a models folder: every {@code *.manifest.json} names its weights file beside it. Each model
 * loads or is refused on its own, so one bad file never keeps the others (or the server) from
 * starting; the refusals are listed with their reasons.
 */
final class ModelFolder {
    static final String SUFFIX = ".manifest.json";
    /** More models than this is a misconfigured folder, not a deployment: each holds native memory. */
    static final int MAX_MODELS = 64;

    private ModelFolder() {}

    static LoadedDetectors load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("models folder " + dir + " is not a readable folder");
        List<Path> manifests;
        try (Stream<Path> files = Files.list(dir)) {
            manifests = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
        List<Detector> loaded = new ArrayList<>();
        List<org.pramaan.detect.FaceEmbedder> embedders = new ArrayList<>();
        List<RefusedModel> refused = new ArrayList<>();
        List<org.pramaan.detect.VoiceEmbedder> voices = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path manifest : manifests) {
            String name = manifest.getFileName().toString();
            if (loaded.size() + embedders.size() + voices.size() + refused.size() >= MAX_MODELS) {
                refused.add(new RefusedModel(
                        name, "detect.too_many", "a models folder holds at most " + MAX_MODELS + " manifests"));
                continue;
            }
            try {
                OnnxImageDetector d = OnnxImageDetector.open(dir, manifest);
                if (!ids.add(d.manifest().id())) {
                    d.close();
                    refused.add(new RefusedModel(
                            name,
                            "detect.duplicate_id",
                            name + ": id '" + d.manifest().id() + "' is already used by another manifest in " + dir));
                    continue;
                }
                // A face-embedding model serves the likeness registry, not screening scores.
                if (d.manifest().modality() == org.pramaan.detect.Modality.FACE_EMBEDDING)
                    embedders.add(new OnnxFaceEmbedder(d));
                else if (d.manifest().modality() == org.pramaan.detect.Modality.VOICE_EMBEDDING)
                    voices.add(new OnnxVoiceEmbedder(d));
                else loaded.add(d);
            } catch (DetectorFailure e) {
                refused.add(new RefusedModel(name, e.code(), e.getMessage()));
            }
        }
        // The vendored face detector serves per-face models and the likeness registry; a failure to load
        // it refuses only what needs faces.
        java.util.Optional<org.pramaan.detect.FaceDetector> faces = java.util.Optional.empty();
        try {
            faces = java.util.Optional.of(BlazeFace.load());
        } catch (DetectorFailure e) {
            refused.add(new RefusedModel("blazeface", e.code(), e.getMessage()));
        }
        return new LoadedDetectors(loaded, refused, faces, embedders, voices);
    }
}
