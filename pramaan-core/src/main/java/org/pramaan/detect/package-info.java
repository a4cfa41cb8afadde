/**
 * Detector models as plug-ins (issue 16): the {@link org.pramaan.detect.Detector} port, the
 * operator's {@link org.pramaan.detect.ModelManifest} (read by {@link org.pramaan.detect.ManifestReader},
 * which refuses anything it does not understand), the {@link org.pramaan.detect.Calibration} that turns
 * a model's raw output into a probability, and the {@link org.pramaan.detect.DetectorScore} with the
 * regions, frames or time ranges that drove it. An engine: it knows no flow package. Runtimes
 * (ONNX Runtime in {@code pramaan-detect-onnx}) live outside core and are found through
 * {@link org.pramaan.detect.DetectorProvider}. Pramaan ships no classifier weights: the operator
 * installs models and calibrates them on their own data, because open detectors lose much of their
 * accuracy on generators they were not trained on (docs: ../shared/docs/detection.md §0).
 */
package org.pramaan.detect;
