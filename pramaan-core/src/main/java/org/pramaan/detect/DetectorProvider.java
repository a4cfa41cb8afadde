package org.pramaan.detect;

import java.nio.file.Path;

/**
 * A model runtime, found with {@link java.util.ServiceLoader} so core and the default deployment
 * carry no native runtime: {@code pramaan-detect-onnx} registers one in
 * {@code META-INF/services/org.pramaan.detect.DetectorProvider}.
 */
public interface DetectorProvider {
    /** The runtime's name, for messages ("onnx"). */
    String name();

    /**
     * Loads every model in {@code modelsDir} (files the operator installed; nothing is downloaded).
     * A model that fails a check is refused and listed, the others load.
     *
     * @throws java.io.IOException the folder itself cannot be read
     */
    LoadedDetectors load(Path modelsDir) throws java.io.IOException;
}
