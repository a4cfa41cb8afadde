package org.pramaan.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Issue 16: CUDA when ONNX Runtime has it, the CPU otherwise; never a failure for want of a GPU. */
class OrtOptionsTest {
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
