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

    /** Stack for the thread that first starts ONNX Runtime: its native start-up needs far more than a caller may have left. */
    static final long INIT_STACK = 64L << 20;

    private static volatile boolean started;

    /**
     * ONNX Runtime's environment, started the first time on a thread of its own with a
     * {@link #INIT_STACK} stack. Loading the native library and creating the environment use a large
     * native stack: started from a caller a few hundred Java frames deep (a CLI command under
     * picocli, a lazily loaded model) the default 1 MB thread stack overflows and the JVM dies with
     * SIGSEGV and no error report (measured here: 300 frames deep crashes, 10 does not).
     */
    static OrtEnvironment environment() throws OrtException {
        if (!started) {
            synchronized (OrtOptions.class) {
                if (!started) {
                    Throwable[] failure = new Throwable[1];
                    Thread t = new Thread(
                            null,
                            () -> {
                                try {
                                    OrtEnvironment.getEnvironment();
                                } catch (Throwable e) { // LinkageError from the natives included: reported below
                                    failure[0] = e;
                                }
                            },
                            "pramaan-onnxruntime-start",
                            INIT_STACK);
                    t.start();
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while ONNX Runtime started", e);
                    }
                    if (failure[0] instanceof OrtException e) throw e;
                    if (failure[0] instanceof Error e) throw e;
                    if (failure[0] instanceof RuntimeException e) throw e;
                    started = true;
                }
            }
        }
        return OrtEnvironment.getEnvironment();
    }

    private static Set<OrtProvider> available() throws OrtException {
        environment();
        return OrtEnvironment.getAvailableProviders();
    }

    /** What a session made with {@link #create} runs on: "cuda" or "cpu". */
    record Made(OrtSession.SessionOptions options, String provider) {}

    static Made create() throws OrtException {
        return create(available());
    }

    /** As {@link #create()}, for the given set of providers the runtime reports (tests pass one without CUDA). */
    static Made create(Set<OrtProvider> available) throws OrtException {
        environment(); // the natives start on a thread with a large stack, before SessionOptions loads them here
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
