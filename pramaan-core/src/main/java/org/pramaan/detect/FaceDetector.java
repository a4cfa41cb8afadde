package org.pramaan.detect;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * Finds faces in an image (port), for per-face detectors and the likeness registry (issue 16).
 * {@code pramaan-detect-onnx} ships one: MediaPipe BlazeFace, vendored with its licence.
 */
public interface FaceDetector {
    /**
     * One face.
     *
     * @param box       where it is, as fractions of the image
     * @param score     the detector's confidence, 0..1
     * @param keyPoints eyes, nose tip, mouth, ears (BlazeFace's six), as fractions of the image
     */
    record Face(Evidence.Region box, double score, List<Point> keyPoints) {
        public Face {
            Objects.requireNonNull(box, "box");
            if (!(score >= 0 && score <= 1)) throw new IllegalArgumentException("a face score lies in 0..1: " + score);
            keyPoints = List.copyOf(keyPoints);
        }
    }

    /** A point as fractions of the image's width and height. */
    record Point(double x, double y) {}

    /**
     * The faces found, strongest first; none is a result, not a failure.
     *
     * @throws DetectorFailure the model failed to run
     */
    List<Face> faces(BufferedImage image) throws DetectorFailure;
}
