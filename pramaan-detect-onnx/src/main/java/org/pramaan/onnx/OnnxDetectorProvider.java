package org.pramaan.onnx;

import java.io.IOException;
import java.nio.file.Path;
import org.pramaan.detect.DetectorProvider;
import org.pramaan.detect.LoadedDetectors;

/** Registered in {@code META-INF/services}: the composition root finds it only when this jar is on the class path. */
public final class OnnxDetectorProvider implements DetectorProvider {
    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public LoadedDetectors load(Path modelsDir) throws IOException {
        return ModelFolder.load(modelsDir);
    }
}
