package org.pramaan.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.pramaan.detect.DetectorProvider;
import org.pramaan.detect.LoadedDetectors;

/**
 * Loads the operator's detector models (issue 16) when {@code detect.models-dir} is set. The runtime
 * comes through {@link ServiceLoader}, so the default deployment runs without ONNX Runtime's natives;
 * a folder configured without a runtime on the class path is bad configuration and stops start-up.
 * Individual bad models do not: they are refused and listed at {@code GET /v1/detectors}.
 */
final class DetectorLoading {
    private DetectorLoading() {}

    static LoadedDetectors load(PramaanConfig.Detect config) {
        if (config.modelsDir().isEmpty()) return LoadedDetectors.none();
        Path dir = config.modelsDir().get();
        List<DetectorProvider> runtimes = ServiceLoader.load(DetectorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (runtimes.isEmpty())
            throw new IllegalArgumentException(
                    "detect.models-dir is set to " + dir
                            + " but no detector runtime is on the class path: add the pramaan-detect-onnx jar, or unset detect.models-dir");
        try {
            return runtimes.get(0).load(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("detect.models-dir " + dir + " cannot be read: " + e.getMessage(), e);
        }
    }
}
