package org.pramaan.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Issue 16: CUDA when ONNX Runtime has it, the CPU otherwise; never a failure for want of a GPU. */
class OrtOptionsTest {
    @Test
    void onnxRuntimeStartsEvenFromDeepInACallersStack() throws Exception {
        // Regression: starting the natives 300+ frames deep overflowed the 1 MB thread stack and the
        // JVM died with SIGSEGV (a CLI bench command under picocli did). A fresh JVM, so nothing has
        // started ONNX Runtime before.
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        javaBin.toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrtDeepStartProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("started on cpu");
    }

    @Test
    void withoutTheCudaProviderModelsRunOnTheCpu() throws Exception {
        OrtOptions.Made made = OrtOptions.create(EnumSet.of(OrtProvider.CPU));
        try (var o = made.options()) {
            assertThat(made.provider()).isEqualTo("cpu");
        }
    }

    @Test
    void aListedCudaProviderThatCannotStartFallsBackToTheCpu() throws Exception {
        // The CPU-only runtime on the test class path cannot add CUDA: the session options still come back.
        OrtOptions.Made made = OrtOptions.create(EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA));
        try (var o = made.options()) {
            boolean cuda = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
            assertThat(made.provider()).isEqualTo(cuda ? "cuda" : "cpu");
        }
    }
}
