package org.pramaan.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.util.Set;

/**
 * The session options every Pramaan model runs with: one intra-op and one inter-op thread
 * (screening already runs items in parallel, and issue 16's targets are per core), every graph
 * optimisation ONNX Runtime has, and the CUDA execution provider when the ONNX Runtime on the class
 * path has one (the {@code onnxruntime_gpu} artifact on a machine with CUDA); otherwise the CPU. The
 * choice is logged once per provider, so an operator sees whether the GPU is used.
 */
final class OrtOptions {
    private static final System.Logger LOG = System.getLogger(OrtOptions.class.getName());
    private static volatile String logged = "";

    private OrtOptions() {}

    /** What a session made with {@link #create} runs on: "cuda" or "cpu". */
    record Made(OrtSession.SessionOptions options, String provider) {}

    static Made create() throws OrtException {
        return create(OrtEnvironment.getAvailableProviders());
    }

    /** As {@link #create()}, for the given set of providers the runtime reports (tests pass one without CUDA). */
    static Made create(Set<OrtProvider> available) throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            o.setIntraOpNumThreads(1);
            o.setInterOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        } catch (OrtException | RuntimeException e) {
            o.close();
            throw e;
        }
        String provider = "cpu";
        if (available.contains(OrtProvider.CUDA)) {
            try {
                o.addCUDA(0);
                provider = "cuda";
            } catch (OrtException e) {
                // The provider is listed but its libraries (CUDA, cuDNN) do not load: run on the CPU.
                note("ONNX Runtime's CUDA provider is present but did not start (" + e.getMessage()
                        + "); models run on the CPU");
            }
        }
        note("ONNX Runtime models run on the " + provider.toUpperCase(java.util.Locale.ROOT) + " execution provider");
        return new Made(o, provider);
    }

    private static void note(String message) {
        if (message.equals(logged)) return;
        logged = message;
        LOG.log(System.Logger.Level.INFO, message);
    }
}
