package org.pramaan.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes small ONNX models as raw protobuf (onnx.proto3 field numbers), because no ONNX tooling is
 * installable here (../shared/docs/dependencies.md, experiment 5). Only what the tests need: a
 * graph of nodes with attributes, float initializers, and typed inputs and outputs.
 */
public final class OnnxGraphs {
    private OnnxGraphs() {}

    /** One protobuf message being written. */
    public static final class Msg {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private void tag(int field, int wire) {
            varint(((long) field << 3) | wire);
        }

        private void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        public Msg i64(int field, long v) {
            tag(field, 0);
            varint(v);
            return this;
        }

        public Msg str(int field, String s) {
            return bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        public Msg bytes(int field, byte[] b) {
            tag(field, 2);
            varint(b.length);
            out.writeBytes(b);
            return this;
        }

        public Msg msg(int field, Msg m) {
            return bytes(field, m.toBytes());
        }

        public Msg f32(int field, float f) {
            tag(field, 5);
            int bits = Float.floatToIntBits(f);
            for (int i = 0; i < 4; i++) out.write((bits >>> (8 * i)) & 0xff);
            return this;
        }

        public byte[] toBytes() {
            return out.toByteArray();
        }
    }

    /** TensorProto.DataType FLOAT. */
    public static final int FLOAT = 1;

    /** A ValueInfoProto: a float tensor with the given dims (negative: a named dynamic dim). */
    public static Msg value(String name, long... dims) {
        Msg shape = new Msg();
        for (int i = 0; i < dims.length; i++) {
            Msg dim = new Msg();
            if (dims[i] >= 0) dim.i64(1, dims[i]);
            else dim.str(2, "d" + i);
            shape.msg(1, dim);
        }
        Msg tensor = new Msg().i64(1, FLOAT).msg(2, shape);
        return new Msg().str(1, name).msg(2, new Msg().msg(1, tensor));
    }

    /** A float TensorProto initializer, raw little-endian data. */
    public static Msg floats(String name, long[] dims, float... data) {
        Msg t = new Msg();
        for (long d : dims) t.i64(1, d);
        t.i64(2, FLOAT);
        t.str(8, name);
        byte[] raw = new byte[data.length * 4];
        for (int i = 0; i < data.length; i++) {
            int bits = Float.floatToIntBits(data[i]);
            for (int k = 0; k < 4; k++) raw[4 * i + k] = (byte) (bits >>> (8 * k));
        }
        t.bytes(9, raw);
        return t;
    }

    /** An int64 TensorProto initializer (shapes for Reshape), in int64_data (field 7). */
    public static Msg longs(String name, long... data) {
        Msg t = new Msg().i64(1, data.length).i64(2, 7).str(8, name);
        for (long d : data) t.i64(7, d);
        return t;
    }

    /** A NodeProto. */
    public static Msg node(String op, String[] inputs, String[] outputs, Msg... attributes) {
        Msg n = new Msg();
        for (String i : inputs) n.str(1, i);
        for (String o : outputs) n.str(2, o);
        n.str(3, op + "_" + outputs[0]);
        n.str(4, op);
        for (Msg a : attributes) n.msg(5, a);
        return n;
    }

    /** AttributeProto INTS. */
    public static Msg ints(String name, long... values) {
        Msg a = new Msg().str(1, name);
        for (long v : values) a.i64(8, v);
        return a.i64(20, 7);
    }

    /** AttributeProto INT. */
    public static Msg integer(String name, long v) {
        return new Msg().str(1, name).i64(3, v).i64(20, 2);
    }

    /** A ModelProto (IR version 8, default opset 13) around one graph. */
    public static byte[] model(Msg graph) {
        return new Msg()
                .i64(1, 8)
                .str(2, "pramaan-tests")
                .msg(7, graph)
                .msg(8, new Msg().str(1, "").i64(2, 13))
                .toBytes();
    }

    /**
     * The mean of one channel of a 1×3×h×w (NCHW) or 1×h×w×3 (NHWC) input: Mul by a one-hot mask
     * scaled by 3, then ReduceMean over every axis but the batch. Output "score", shape [1].
     */
    public static byte[] channelMean(int channel, boolean nchw, long h, long w) {
        float[] mask = new float[3];
        mask[channel] = 3f;
        long[] maskDims = nchw ? new long[] {1, 3, 1, 1} : new long[] {1, 1, 1, 3};
        long[] inDims = nchw ? new long[] {1, 3, h, w} : new long[] {1, h, w, 3};
        Msg g = new Msg()
                .msg(1, node("Mul", new String[] {"pixels", "mask"}, new String[] {"picked"}))
                .msg(
                        1,
                        node(
                                "ReduceMean",
                                new String[] {"picked"},
                                new String[] {"score"},
                                ints("axes", 1, 2, 3),
                                integer("keepdims", 0)))
                .str(2, "channel-mean")
                .msg(5, floats("mask", maskDims, mask))
                .msg(11, value("pixels", inDims))
                .msg(12, value("score", 1));
        return model(g);
    }

    /**
     * Slow on purpose: {@code n} chained 1×3×s×s MatMuls of the input with itself (about
     * 6·s³·n floating-point operations), for the time-limit test.
     */
    public static byte[] slow(int s, int n) {
        Msg g = new Msg();
        String prev = "pixels";
        for (int i = 0; i < n; i++) {
            String next = "m" + i;
            g.msg(1, node("MatMul", new String[] {prev, prev}, new String[] {next}));
            prev = next;
        }
        g.msg(
                        1,
                        node(
                                "ReduceMean",
                                new String[] {prev},
                                new String[] {"score"},
                                ints("axes", 1, 2, 3),
                                integer("keepdims", 0)))
                .str(2, "slow")
                .msg(11, value("pixels", 1, 3, s, s))
                .msg(12, value("score", 1));
        return model(g);
    }

    /**
     * A face-embedding model for tests (issue 16, the likeness registry): the 1×3×s×s crop is
     * flattened, centred on its own mean (so brightness does not count) and projected by a fixed
     * pseudo-random {@code 3·s·s × dims} matrix (seeded by {@code seed}). Random projections keep
     * angles (Johnson–Lindenstrauss), so the cosine of two embeddings is close to the correlation of
     * the two crops: near 1 for two crops of the same face, lower for different faces. Output
     * "embedding", shape [1, dims].
     */
    public static byte[] projection(int s, int dims, long seed) {
        int n = 3 * s * s;
        java.util.Random r = new java.util.Random(seed);
        float[] w = new float[n * dims];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextGaussian();
        Msg g = new Msg()
                .msg(1, node("Reshape", new String[] {"pixels", "flat"}, new String[] {"x"}))
                .msg(
                        1,
                        node(
                                "ReduceMean",
                                new String[] {"x"},
                                new String[] {"mean"},
                                ints("axes", 1),
                                integer("keepdims", 1)))
                .msg(1, node("Sub", new String[] {"x", "mean"}, new String[] {"centred"}))
                .msg(1, node("MatMul", new String[] {"centred", "w"}, new String[] {"embedding"}))
                .str(2, "projection")
                .msg(5, longs("flat", 1, n))
                .msg(5, floats("w", new long[] {n, dims}, w))
                .msg(11, value("pixels", 1, 3, s, s))
                .msg(12, value("embedding", 1, dims));
        return model(g);
    }

    /** Accepts any 1×3×h×w input but reshapes it to exactly 1×(3·8·8): a run on any other size fails inside ONNX Runtime. */
    public static byte[] onlyEightByEight() {
        Msg g = new Msg()
                .msg(1, node("Reshape", new String[] {"pixels", "flat"}, new String[] {"r"}))
                .msg(
                        1,
                        node(
                                "ReduceMean",
                                new String[] {"r"},
                                new String[] {"score"},
                                ints("axes", 1),
                                integer("keepdims", 0)))
                .str(2, "fixed-reshape")
                .msg(5, longs("flat", 1, 192))
                .msg(11, value("pixels", 1, 3, -1, -1))
                .msg(12, value("score", 1));
        return model(g);
    }

    /**
     * An audio model with a known answer: {@code scale · mean(|x|) + bias} over a waveform input
     * "waveform" of the given dims (e.g. {@code 1, N} or {@code 1, 1, N}; negative: dynamic), output
     * "score" of shape [1]. A full-scale sine has mean |x| = 2/π ≈ 0.637 times its amplitude; silence 0.
     */
    public static byte[] audioAbsMean(float scale, float bias, long... dims) {
        long[] axes = new long[dims.length - 1];
        for (int i = 0; i < axes.length; i++) axes[i] = i + 1;
        Msg g = new Msg()
                .msg(1, node("Abs", new String[] {"waveform"}, new String[] {"a"}))
                .msg(
                        1,
                        node(
                                "ReduceMean",
                                new String[] {"a"},
                                new String[] {"m"},
                                ints("axes", axes),
                                integer("keepdims", 0)))
                .msg(1, node("Mul", new String[] {"m", "scale"}, new String[] {"s"}))
                .msg(1, node("Add", new String[] {"s", "bias"}, new String[] {"score"}))
                .str(2, "audio-abs-mean")
                .msg(5, floats("scale", new long[] {1}, scale))
                .msg(5, floats("bias", new long[] {1}, bias))
                .msg(11, value("waveform", dims))
                .msg(12, value("score", 1));
        return model(g);
    }

    /** Accepts a waveform of any length but reshapes it to exactly 1×{@code n}: a run on any other window fails inside ONNX Runtime. */
    public static byte[] audioOnlyLength(long n) {
        Msg g = new Msg()
                .msg(1, node("Reshape", new String[] {"waveform", "flat"}, new String[] {"r"}))
                .msg(
                        1,
                        node(
                                "ReduceMean",
                                new String[] {"r"},
                                new String[] {"score"},
                                ints("axes", 1),
                                integer("keepdims", 0)))
                .str(2, "audio-fixed-reshape")
                .msg(5, longs("flat", 1, n))
                .msg(11, value("waveform", 1, -1))
                .msg(12, value("score", 1));
        return model(g);
    }

    /**
     * A slow audio model: the 1×{@code s²} waveform reshaped to 1×s×s and multiplied by itself {@code n}
     * times (about 2·s³·n floating-point operations), for the time-limit test.
     */
    public static byte[] audioSlow(int s, int n) {
        Msg g = new Msg().msg(1, node("Reshape", new String[] {"waveform", "square"}, new String[] {"m"}));
        String prev = "m";
        for (int i = 0; i < n; i++) {
            String next = "m" + i;
            g.msg(1, node("MatMul", new String[] {prev, prev}, new String[] {next}));
            prev = next;
        }
        g.msg(
                        1,
                        node(
                                "ReduceMean",
                                new String[] {prev},
                                new String[] {"score"},
                                ints("axes", 1, 2),
                                integer("keepdims", 0)))
                .str(2, "audio-slow")
                .msg(5, longs("square", 1, s, s))
                .msg(11, value("waveform", 1, (long) s * s))
                .msg(12, value("score", 1));
        return model(g);
    }

    /**
     * A speaker-embedding stand-in for tests and benchmarks (issue 16, voice likeness): a bank of
     * {@code bands} band-pass filters (Hann-windowed cosines, centres log-spaced 150..4000 Hz, about six
     * cycles long so the bands widen with frequency) run as one Conv1D (512 taps, stride 256) over the
     * 1×1×{@code window} waveform; each band's mean energy, divided by the bands' mean (so loudness does
     * not count), plus a floor of 0.03 (so bands holding only noise stay near one value), its log, centred
     * on the bands' mean. That is a shift-invariant spectral envelope: two recordings of the same
     * harmonic "voice" (fundamental and formants) give nearly the same vector whatever the phase, noise
     * or loudness, and a voice with another fundamental and formants a distant one. Output "embedding",
     * shape [1, bands] (the loader scales it to unit length).
     */
    public static byte[] speakerBands(int rate, int window, int bands) {
        int taps = 512;
        float[] w = new float[bands * taps];
        for (int b = 0; b < bands; b++) {
            double centre = 150 * Math.pow(4000.0 / 150, b / (double) (bands - 1));
            int len = (int) Math.min(taps, Math.round(6 * rate / centre));
            for (int n = 0; n < len; n++) {
                double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * (n + 0.5) / len);
                w[b * taps + n] = (float) (hann * Math.cos(2 * Math.PI * centre * n / rate) * 2.0 / len);
            }
        }
        Msg g = new Msg()
                .msg(
                        1,
                        node(
                                "Conv",
                                new String[] {"waveform", "bank"},
                                new String[] {"y"},
                                ints("kernel_shape", taps),
                                ints("strides", taps / 2)))
                .msg(1, node("Mul", new String[] {"y", "y"}, new String[] {"p"}))
                .msg(
                        1,
                        node(
                                "ReduceMean",
                                new String[] {"p"},
                                new String[] {"e"},
                                ints("axes", 2),
                                integer("keepdims", 0)))
                .msg(
                        1,
                        node(
                                "ReduceMean",
                                new String[] {"e"},
                                new String[] {"level"},
                                ints("axes", 1),
                                integer("keepdims", 1)))
                .msg(1, node("Add", new String[] {"level", "tiny"}, new String[] {"level1"}))
                .msg(1, node("Div", new String[] {"e", "level1"}, new String[] {"r"}))
                .msg(1, node("Add", new String[] {"r", "floor"}, new String[] {"r1"}))
                .msg(1, node("Log", new String[] {"r1"}, new String[] {"l"}))
                .msg(
                        1,
                        node(
                                "ReduceMean",
                                new String[] {"l"},
                                new String[] {"lm"},
                                ints("axes", 1),
                                integer("keepdims", 1)))
                .msg(1, node("Sub", new String[] {"l", "lm"}, new String[] {"embedding"}))
                .str(2, "speaker-bands")
                .msg(5, floats("bank", new long[] {bands, 1, taps}, w))
                .msg(5, floats("tiny", new long[] {1}, 1e-12f))
                .msg(5, floats("floor", new long[] {1}, 0.03f))
                .msg(11, value("waveform", 1, 1, window))
                .msg(12, value("embedding", 1, bands));
        return model(g);
    }

    /**
     * A voice-embedding model that loads (input 1×1×{@code window}, an "embedding" output of unknown
     * length) but fails on every run: it reshapes the window to exactly 1×100.
     */
    public static byte[] voiceThatFails(int window) {
        Msg g = new Msg()
                .msg(1, node("Reshape", new String[] {"waveform", "flat"}, new String[] {"embedding"}))
                .str(2, "voice-fails")
                .msg(5, longs("flat", 1, 100))
                .msg(11, value("waveform", 1, 1, window))
                .msg(12, value("embedding", 1, -1));
        return model(g);
    }
}
