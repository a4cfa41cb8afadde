package org.pramaan.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.DetectorScore;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.ManifestReader;
import org.pramaan.detect.Modality;
import org.pramaan.detect.ModelManifest;

/**
 * One model on ONNX Runtime: a whole-image model, a per-face model ({@link Modality#FACE}) that
 * screening runs on each aligned face crop, or an audio model ({@link Modality#AUDIO}) run on
 * windows of mono samples. {@link #open} checks, in order: the manifest
 * (hostile input, {@link ManifestReader}), the weights file's SHA-256 against the manifest (the
 * bytes hashed are the bytes loaded, so nothing can swap the file in between), that ONNX Runtime can
 * parse the graph, and that the graph's input and output match the manifest. Any failure refuses
 * the model with a {@link DetectorFailure}; no session is left open.
 */
final class OnnxImageDetector implements Detector {
    /** Larger than any image classifier an operator would run on CPU; a byte[] cannot exceed 2 GiB anyway. */
    static final long MAX_WEIGHTS = 1L << 30;
    /** Longest embedding read: face models give 128..512 numbers. */
    static final int MAX_DIMS = 4096;

    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final ModelManifest manifest;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final long[] shape;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private OnnxImageDetector(ModelManifest manifest, OrtEnvironment env, OrtSession session) {
        this.manifest = manifest;
        this.env = env;
        this.session = session;
        this.shape = shape(manifest);
    }

    /** The input tensor's shape: the image's from its input spec, an audio window's from its audio spec. */
    static long[] shape(ModelManifest m) {
        return m.audio().map(ModelManifest.AudioInput::shape).orElseGet(() -> Preprocessing.shape(m.input()));
    }

    private static String describe(ModelManifest m) {
        return m.audio()
                .map(a -> a.layout() + " window of " + a.windowSamples() + " samples at " + a.sampleRate() + " Hz")
                .orElseGet(() -> m.input().layout() + " " + m.input().width() + "x"
                        + m.input().height());
    }

    static OnnxImageDetector open(Path dir, Path manifestFile) throws DetectorFailure {
        String name = manifestFile.getFileName().toString();
        ModelManifest m = ManifestReader.read(
                bounded(manifestFile, ManifestReader.MAX_BYTES, name, "detect.manifest_invalid"), name);
        Path weights = dir.resolve(m.weights());
        if (!Files.isRegularFile(weights))
            throw new DetectorFailure(
                    "detect.weights_missing", name + ": weights file '" + m.weights() + "' is not in " + dir);
        byte[] bytes = bounded(weights, MAX_WEIGHTS, m.weights(), "detect.weights_missing");
        String actual = sha256(bytes);
        if (!actual.equals(m.sha256()))
            throw new DetectorFailure(
                    "detect.weights_mismatch",
                    name + ": weights '" + m.weights() + "' hash to sha256 " + actual + ", the manifest says "
                            + m.sha256() + "; model not loaded");
        OrtEnvironment env;
        try {
            env = OrtOptions.environment();
        } catch (OrtException e) {
            throw new DetectorFailure(
                    "detect.model_corrupt", name + ": ONNX Runtime cannot start: " + firstLine(e.getMessage()), e);
        }
        OrtSession session;
        // One thread per call, all graph optimisations, CUDA when present (OrtOptions).
        try (OrtSession.SessionOptions options = OrtOptions.create().options()) {
            session = env.createSession(bytes, options);
        } catch (OrtException e) {
            throw new DetectorFailure(
                    "detect.model_corrupt",
                    name + ": ONNX Runtime cannot load '" + m.weights() + "': " + firstLine(e.getMessage()),
                    e);
        }
        try {
            check(m, session, name);
        } catch (DetectorFailure | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
        return new OnnxImageDetector(m, env, session);
    }

    private static void check(ModelManifest m, OrtSession session, String name) throws DetectorFailure {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            NodeInfo in = inputs.get(m.input().name());
            if (inputs.size() != 1 || in == null)
                throw spec(
                        name,
                        "the graph's inputs are " + inputs.keySet() + "; the manifest names one input '"
                                + m.input().name() + "'");
            if (!(in.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT)
                throw spec(name, "input '" + m.input().name() + "' is " + in.getInfo() + ", not a float tensor");
            long[] want = shape(m);
            long[] have = t.getShape();
            boolean fits = have.length == want.length;
            for (int i = 0; fits && i < want.length; i++) fits = have[i] < 0 || have[i] == want[i];
            if (!fits)
                throw spec(
                        name,
                        "input '" + m.input().name() + "' has shape " + Arrays.toString(have) + "; the manifest ("
                                + describe(m) + ") needs "
                                + Arrays.toString(want));
            NodeInfo out = session.getOutputInfo().get(m.output().name());
            if (out == null)
                throw spec(
                        name,
                        "the graph's outputs are " + session.getOutputInfo().keySet() + "; the manifest names '"
                                + m.output().name() + "'");
            if (m.modality().embedding()
                    && out.getInfo() instanceof TensorInfo o
                    && Arrays.stream(o.getShape()).allMatch(d -> d >= 0)
                    && (o.getNumElements() < 2 || o.getNumElements() > MAX_DIMS))
                throw spec(
                        name,
                        "embedding '" + m.output().name() + "' has " + o.getNumElements() + " elements; 2.." + MAX_DIMS
                                + " are read");
            if (!m.modality().embedding()
                    && out.getInfo() instanceof TensorInfo o
                    && Arrays.stream(o.getShape()).allMatch(d -> d >= 0)
                    && m.output().index() >= o.getNumElements())
                throw spec(
                        name,
                        "output '" + m.output().name() + "' has " + o.getNumElements()
                                + " elements; the manifest reads index "
                                + m.output().index());
        } catch (OrtException e) {
            throw spec(name, "cannot read the graph's inputs and outputs: " + firstLine(e.getMessage()));
        }
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public DetectorScore score(BufferedImage image) throws DetectorFailure {
        if (manifest.audio().isPresent())
            throw failure("detect.input_spec", "is an audio model; it takes windows of samples, not images");
        float[] data = Preprocessing.tensor(image, manifest.input());
        return scored(run(data), Evidence.Region.whole());
    }

    @Override
    public DetectorScore score(float[] window, Evidence.TimeRange range) throws DetectorFailure {
        if (manifest.audio().isEmpty()) return Detector.super.score(window, range);
        int want = manifest.audio().get().windowSamples();
        if (window.length != want)
            throw failure("detect.input_spec", "takes windows of " + want + " samples, was given " + window.length);
        return scored(run(window), range);
    }

    /** The output checked against the manifest's kind, calibrated, with what it looked at. */
    private DetectorScore scored(double raw, Evidence evidence) throws DetectorFailure {
        if (manifest.output().kind() == ModelManifest.OutputKind.PROBABILITY && !(raw >= 0 && raw <= 1))
            throw failure("detect.run_failed", "output " + raw + " is not a probability (0..1) as the manifest says");
        if (!Double.isFinite(raw)) throw failure("detect.run_failed", "output " + raw + " is not a finite number");
        return new DetectorScore(
                manifest.id(),
                manifest.version(),
                manifest.sha256(),
                raw,
                manifest.calibration().apply(raw),
                manifest.operatingPoint(),
                List.of(evidence));
    }

    /** A face-embedding model's raw output vector for one crop (not yet normalised). */
    float[] embedding(BufferedImage image) throws DetectorFailure {
        return run(Preprocessing.tensor(image, manifest.input()), this::vector);
    }

    /** A voice-embedding model's raw output vector for one window (not yet normalised). */
    float[] embedding(float[] window) throws DetectorFailure {
        int want = manifest.audio().map(ModelManifest.AudioInput::windowSamples).orElse(-1);
        if (window.length != want)
            throw failure("detect.input_spec", "takes windows of " + want + " samples, was given " + window.length);
        return run(window, this::vector);
    }

    /** Runs one input and reads the manifest's output element. */
    private double run(float[] data) throws DetectorFailure {
        return run(data, this::element);
    }

    /** Reads the chosen output of one run. */
    private interface Reader<T> {
        T read(OnnxValue v) throws DetectorFailure;
    }

    /** Runs under the manifest's time limit: a watchdog asks ONNX Runtime to terminate the run. */
    private <T> T run(float[] data, Reader<T> reader) throws DetectorFailure {
        Watch watch;
        try {
            watch = new Watch(new OrtSession.RunOptions());
        } catch (OrtException e) {
            throw failure("detect.run_failed", firstLine(e.getMessage()));
        }
        ScheduledFuture<?> alarm = WATCHDOG.schedule(watch::fire, manifest.timeLimitMillis(), TimeUnit.MILLISECONDS);
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                OrtSession.Result result = session.run(
                        Map.of(manifest.input().name(), input),
                        Set.of(manifest.output().name()),
                        watch.options)) {
            return reader.read(result.get(manifest.output().name()).orElseThrow());
        } catch (OrtException e) {
            if (watch.fired())
                throw failure(
                        "detect.timeout",
                        "ran past its time limit of " + manifest.timeLimitMillis() + " ms and was stopped");
            throw failure("detect.run_failed", firstLine(e.getMessage()));
        } finally {
            alarm.cancel(false);
            watch.close();
        }
    }

    /** The whole output tensor as floats, at most {@value #MAX_DIMS} of them. */
    private float[] vector(OnnxValue v) throws DetectorFailure {
        if (!(v instanceof OnnxTensor t))
            throw failure("detect.run_failed", "output '" + manifest.output().name() + "' is not a tensor");
        long n = t.getInfo().getNumElements();
        if (n < 2 || n > MAX_DIMS)
            throw failure(
                    "detect.run_failed",
                    "embedding '" + manifest.output().name() + "' has " + n + " elements; 2.." + MAX_DIMS
                            + " are read");
        float[] out = new float[(int) n];
        switch (t.getInfo().type) {
            case FLOAT -> t.getFloatBuffer().get(out);
            case DOUBLE -> {
                java.nio.DoubleBuffer d = t.getDoubleBuffer();
                for (int i = 0; i < out.length; i++) out[i] = (float) d.get(i);
            }
            default ->
                throw failure(
                        "detect.run_failed",
                        "output '" + manifest.output().name() + "' holds " + t.getInfo().type + ", not numbers");
        }
        return out;
    }

    private Double element(OnnxValue v) throws DetectorFailure {
        if (!(v instanceof OnnxTensor t))
            throw failure("detect.run_failed", "output '" + manifest.output().name() + "' is not a tensor");
        int index = manifest.output().index();
        long n = t.getInfo().getNumElements();
        if (index >= n)
            throw failure(
                    "detect.run_failed",
                    "output '" + manifest.output().name() + "' has " + n + " elements; the manifest reads index "
                            + index);
        return switch (t.getInfo().type) {
            case FLOAT -> (double) t.getFloatBuffer().get(index);
            case DOUBLE -> t.getDoubleBuffer().get(index);
            default ->
                throw failure(
                        "detect.run_failed",
                        "output '" + manifest.output().name() + "' holds " + t.getInfo().type + ", not numbers");
        };
    }

    private DetectorFailure failure(String code, String message) {
        return new DetectorFailure(code, "model " + manifest.id() + " " + manifest.version() + ": " + message);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) closeQuietly(session);
    }

    /** Run options shared by the call and its watchdog; closed under the same lock, so the watchdog never touches freed memory. */
    private static final class Watch {
        final OrtSession.RunOptions options;
        private boolean fired;
        private boolean closed;

        Watch(OrtSession.RunOptions options) {
            this.options = options;
        }

        synchronized void fire() {
            if (closed) return;
            fired = true;
            try {
                options.setTerminate(true);
            } catch (OrtException e) {
                // The run goes on to its end; the time limit is then not enforced for this one call.
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        synchronized void close() {
            closed = true;
            options.close();
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "pramaan-detector-watchdog");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        return ex;
    }

    private static DetectorFailure spec(String name, String message) {
        return new DetectorFailure("detect.input_spec", name + ": " + message);
    }

    /** Reads a file only after checking its size, so a huge file is refused rather than read. */
    private static byte[] bounded(Path file, long max, String name, String unreadable) throws DetectorFailure {
        try {
            long size = Files.size(file);
            if (size > max)
                throw new DetectorFailure(
                        max == ManifestReader.MAX_BYTES ? "detect.manifest_invalid" : "detect.model_corrupt",
                        name + " is " + size + " bytes; at most " + max + " are read");
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DetectorFailure(unreadable, name + " cannot be read: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    private static void closeQuietly(OrtSession s) {
        try {
            s.close();
        } catch (OrtException e) {
            // Freeing a session fails only if it was already freed.
        }
    }
}
