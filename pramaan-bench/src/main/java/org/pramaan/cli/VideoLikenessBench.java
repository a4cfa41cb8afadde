package org.pramaan.cli;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.pramaan.detect.Calibration;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.FaceEmbedder;
import org.pramaan.detect.Modality;
import org.pramaan.detect.ModelManifest;
import org.pramaan.likeness.Consent;
import org.pramaan.likeness.Embedding;
import org.pramaan.likeness.LikenessIndex;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.Vector;

/**
 * What {@code bench detect-video} needs to time the likeness registry on video (issue 16): a
 * face-embedding model (the operator's from {@code --models}, else {@link StandIn}), a registry of
 * random enrolled persons, and a count of the embeddings one video costs.
 */
final class VideoLikenessBench {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private VideoLikenessBench() {}

    /**
     * A stand-in with an ArcFace-sized interface, no weights to ship: the aligned 112×112 RGB crop,
     * centred, times a fixed random 37 632×512 matrix (19 M multiply-adds a face, the order of a
     * mobile face-recognition network), L2-normalised. Its vectors identify no one; only its cost is
     * meant to resemble a real model's.
     */
    static final class StandIn implements FaceEmbedder {
        static final int SIDE = 112;
        static final int DIMS = 512;
        private final float[] w;
        private final ModelManifest manifest = new ModelManifest(
                "bench-standin",
                "1",
                "none",
                "00".repeat(32),
                "none",
                Modality.FACE_EMBEDDING,
                new ModelManifest.InputSpec(
                        "pixels",
                        SIDE,
                        SIDE,
                        ModelManifest.Layout.NCHW,
                        ModelManifest.ChannelOrder.RGB,
                        List.of(0.0, 0.0, 0.0),
                        List.of(1.0, 1.0, 1.0)),
                new ModelManifest.OutputSpec("embedding", 0, ModelManifest.OutputKind.EMBEDDING, "bench stand-in"),
                new Calibration.Platt(1, 0, "none"),
                0.5,
                "benchmarks only",
                List.of("identifies no one"),
                10_000);

        StandIn() {
            Random r = new Random(16);
            w = new float[3 * SIDE * SIDE * DIMS];
            for (int i = 0; i < w.length; i++) w[i] = r.nextFloat() - 0.5f;
        }

        @Override
        public ModelManifest manifest() {
            return manifest;
        }

        @Override
        public float[] embed(BufferedImage face) throws DetectorFailure {
            int n = 3 * SIDE * SIDE;
            float[] x = new float[n];
            int[] rgb = face.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE);
            double mean = 0;
            for (int i = 0; i < rgb.length; i++)
                for (int c = 0; c < 3; c++) mean += x[c * rgb.length + i] = (rgb[i] >> (16 - 8 * c)) & 0xff;
            float m = (float) (mean / n);
            for (int i = 0; i < n; i++) x[i] -= m;
            float[] v = new float[DIMS];
            for (int i = 0; i < n; i++) {
                float xi = x[i];
                int row = i * DIMS;
                for (int d = 0; d < DIMS; d++) v[d] += xi * w[row + d];
            }
            return FaceEmbedder.normalise(v, manifest.id());
        }

        @Override
        public void close() {}
    }

    /** Counts the embeddings a video costs. */
    static final class Counting implements FaceEmbedder {
        final FaceEmbedder inner;
        final AtomicInteger calls = new AtomicInteger();

        Counting(FaceEmbedder inner) {
            this.inner = inner;
        }

        @Override
        public ModelManifest manifest() {
            return inner.manifest();
        }

        @Override
        public float[] embed(BufferedImage face) throws DetectorFailure {
            calls.incrementAndGet();
            return inner.embed(face);
        }

        @Override
        public void close() {}
    }

    /** {@code persons} random persons with three embeddings each, of the embedder's model and length. */
    static LikenessIndex enrolled(FaceEmbedder e, int persons) throws DetectorFailure {
        int side = e.cropSide();
        BufferedImage probe = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) for (int x = 0; x < side; x++) probe.setRGB(x, y, (x * 7 + y) << 8);
        int dims = e.embed(probe).length; // the model's vector length, to enrol vectors it can be compared with
        Random r = new Random(17);
        List<ProtectedPerson> all = new ArrayList<>(persons);
        for (int p = 0; p < persons; p++) {
            List<Embedding> es = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                float[] v = new float[dims];
                for (int i = 0; i < dims; i++) v[i] = (float) r.nextGaussian();
                es.add(new Embedding(
                        LikenessModality.FACE,
                        e.manifest().id(),
                        e.manifest().version(),
                        Vector.of(FaceEmbedder.normalise(v, "bench"))));
            }
            all.add(new ProtectedPerson(
                    "pp_" + p, "p" + p, "", new Consent("p" + p, T, "doc"), Optional.empty(), es, T, T));
        }
        LikenessIndex index = new LikenessIndex(new FixedPersons(all));
        index.reload();
        return index;
    }
}
