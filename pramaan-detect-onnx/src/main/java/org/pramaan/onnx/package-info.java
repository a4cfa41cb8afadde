/**
 * Operator-installed ONNX detector models on ONNX Runtime's CPU provider (issue 16), behind core's
 * {@link org.pramaan.detect.Detector} port. A model loads only after its weights hash to the
 * manifest's SHA-256 and its declared input matches the graph; each call runs under the manifest's
 * time limit. Nothing is downloaded: the models folder is the only source of weights.
 */
package org.pramaan.onnx;
