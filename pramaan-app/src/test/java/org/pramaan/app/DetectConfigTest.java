package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: detect.models-dir is checked at start-up; without it (the default) no runtime is needed. */
class DetectConfigTest {
    @TempDir
    Path dir;

    @Test
    void aModelsDirThatIsNotAFolderStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> PramaanConfig.load(
                        Map.of(
                                "PRAMAAN_DATA_DIR",
                                dir.toString(),
                                "PRAMAAN_DETECT_MODELS_DIR",
                                dir.resolve("nope").toString()),
                        new Properties()))
                .hasMessageContaining("detect.models-dir")
                .hasMessageContaining("not a folder");
    }

    @Test
    void theDefaultLoadsNoModelsAndNeedsNoRuntime() throws Exception {
        assertThat(PramaanConfig.load(Map.of("PRAMAAN_DATA_DIR", dir.toString()), new Properties())
                        .detect()
                        .modelsDir())
                .isEmpty();
        withoutRuntime(() -> assertThat(DetectorLoading.load(new PramaanConfig.Detect(Optional.empty()))
                        .detectors())
                .isEmpty());
    }

    @Test
    void aModelsDirWithoutARuntimeOnTheClassPathStopsStartUpSayingWhichJarIsMissing() throws Exception {
        withoutRuntime(() -> assertThatThrownBy(() -> DetectorLoading.load(new PramaanConfig.Detect(Optional.of(dir))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detect.models-dir")
                .hasMessageContaining("pramaan-detect-onnx"));
    }

    @Test
    void withTheRuntimeAnEmptyFolderLoadsNothingAndRefusesNothing() {
        var loaded = DetectorLoading.load(new PramaanConfig.Detect(Optional.of(dir)));
        assertThat(loaded.detectors()).isEmpty();
        assertThat(loaded.refused()).isEmpty();
    }

    /** Runs {@code body} with a context class loader that hides the detector runtime's service entry, as a default deployment has none. */
    static void withoutRuntime(Runnable body) throws Exception {
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        ClassLoader hiding = new ClassLoader(original) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.equals("META-INF/services/org.pramaan.detect.DetectorProvider")
                        ? Collections.emptyEnumeration()
                        : super.getResources(name);
            }
        };
        Thread.currentThread().setContextClassLoader(hiding);
        try {
            body.run();
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }
}
