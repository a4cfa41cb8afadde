package org.pramaan.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.pramaan.json.Json;
import org.pramaan.labels.ImageLabeller;
import org.pramaan.labels.LabelProfile;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.labels.VideoLabelWriter;
import org.pramaan.labels.VisibleLabels;
import org.pramaan.media.decode.DecodeLimits;

/**
 * Burns a visible label into a video with the system's {@code ffmpeg}/{@code ffprobe} (Debian's build
 * has libx264; the bytedeco FFmpeg this module decodes with ships no H.264 encoder we may use). The
 * label is drawn once, in Java, onto a transparent overlay whose colours and plate are chosen against
 * frames sampled from the span it shows in (WCAG 4.5:1 over all of them), then composited by
 * ffmpeg's {@code overlay} filter, enabled for the opening seconds or throughout. Only the label's
 * own rectangle is overlaid (converted to YUV once by the filter, never an RGB round trip per frame).
 * Video is re-encoded to H.264 (yuv420p, CRF 20) with x264's veryfast preset narrowed to diamond
 * motion search, subpixel refinement 1, no B-frames and no inter partitions: about 45 % less encoder
 * CPU than plain veryfast, which takes a 720p label to about 4× real time per core. Dropping the one
 * B-frame kept before saved a further 5–8 % of encoder CPU with the same or better PSNR/SSIM outside
 * the label (an all-P stream spends more bits: 4–12 % more bytes on the bench and test-data clips;
 * docs/performance.md, "Visible labels" and "continuous labels without B-frames"); audio is copied, or
 * encoded to AAC only when MP4 cannot carry it.
 * A label on the opening seconds only re-encodes up to the first keyframe after it and stream-copies
 * the rest where the stream allows ({@link GopSplice}; docs/performance.md, "GOP splice").
 * Processes get argument arrays (no shell) and a time limit; the output appears whole or not at all.
 */
public final class FfmpegVideoLabeller implements VideoLabelWriter {
    /** x264 options beyond the veryfast preset: see the class comment for the measured trade. */
    static final String X264_SPEED = "me=dia:subme=1:bframes=0:partitions=none";

    /** Spans longer than this sample their contrast frames from keyframes only (see {@link #frames}). */
    static final double KEYFRAME_SAMPLING_SECONDS = 4.0;

    /** At most this long per ffmpeg run. */
    static final long TIMEOUT_SECONDS = 600;

    private final String ffmpeg;
    private final String ffprobe;
    private final DecodeLimits limits;
    private final int threads;

    public FfmpegVideoLabeller() {
        this("ffmpeg", "ffprobe", DecodeLimits.DEFAULT, 0);
    }

    /** @param threads encoder and filter threads; 0 lets ffmpeg choose (all cores), 1 measures one core */
    public FfmpegVideoLabeller(String ffmpeg, String ffprobe, DecodeLimits limits, int threads) {
        if (threads < 0 || threads > 256)
            throw new IllegalArgumentException("threads must be 0 to 256, got " + threads);
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.limits = limits;
        this.threads = threads;
    }

    /** Whether the ffmpeg binary runs and has libx264. */
    public boolean available() {
        try {
            Run r = run(List.of(ffmpeg, "-hide_banner", "-encoders"), 30);
            return r.exit == 0 && r.out.contains("libx264");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Result label(Path in, Path out, VisibleLabels.Request request, Optional<LabelProfile.VideoDuration> duration)
            throws IOException {
        if (!Files.isRegularFile(in)) throw new IllegalArgumentException("file: no such file: " + in);
        LabelProfile.Video rule = request.profile().video();
        String text = VisibleLabels.labelText(request, rule.visual());
        Probe p = probe(in);
        boolean continuous = duration.orElse(rule.duration()) == LabelProfile.VideoDuration.CONTINUOUS;
        double shown = continuous ? p.seconds : Math.min(p.seconds, Math.max(rule.minSeconds(), 2.0));
        List<BufferedImage> frames = new ArrayList<>();
        frames.addAll(frames(in, shown, p));
        BufferedImage canvas = new BufferedImage(p.width, p.height, BufferedImage.TYPE_INT_ARGB);
        ImageLabeller.Drawn drawn = ImageLabeller.drawOver(
                canvas,
                frames,
                text,
                request.position().orElse(rule.visual().position()),
                rule.visual().minTextHeight(),
                Optional.empty());
        Path folder = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder))
            throw new IllegalArgumentException("output folder " + folder + " does not exist");
        Path overlay = Files.createTempFile("pramaan-label-", ".png");
        Path tmp = folder.resolve(".pramaan-" + Long.toUnsignedString(System.nanoTime()) + ".tmp.mp4");
        try {
            // Overlay only the label's rectangle: the rest of the canvas is transparent.
            Rectangle a = drawn.area().intersection(new Rectangle(0, 0, p.width, p.height));
            if (a.isEmpty()) a = new Rectangle(0, 0, p.width, p.height);
            ImageIO.write(canvas.getSubimage(a.x, a.y, a.width, a.height), "png", overlay.toFile());
            String enable = continuous ? "" : String.format(Locale.ROOT, ":enable='lt(t,%.3f)'", shown);
            boolean copied = p.audio.isPresent();
            String at = a.x + ":" + a.y;
            if (!continuous && splice(in, overlay, tmp, at + enable, shown, p)) {
                return finish(tmp, out, new Result(drawn, p.seconds, shown, p.audio.isPresent()));
            }
            Run r = encode(in, overlay, tmp, at + enable, copied ? "copy" : "aac", Optional.empty());
            if (r.exit != 0 && copied) {
                copied = false; // e.g. PCM audio, which MP4 does not carry: encode it to AAC instead
                r = encode(in, overlay, tmp, at + enable, "aac", Optional.empty());
            }
            if (r.exit != 0)
                throw new IllegalArgumentException("file: ffmpeg could not label the video: " + tail(r.err));
            return finish(tmp, out, new Result(drawn, p.seconds, shown, copied && p.audio.isPresent()));
        } finally {
            Files.deleteIfExists(overlay);
            Files.deleteIfExists(tmp);
        }
    }

    private static Result finish(Path tmp, Path out, Result result) throws IOException {
        // GB 45438 Appendix E implicit label, written back after the re-encode (XMP uuid box).
        byte[] labelled =
                MetadataWriter.write(Files.readAllBytes(tmp), Optional.of("trainedAlgorithmicMedia"), Optional.empty());
        Files.write(tmp, labelled);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return result;
    }

    /**
     * A label on the opening seconds only: re-encode the GOPs up to the first keyframe after it and
     * stream-copy the rest (see {@link GopSplice}); a 10 s 720p clip with 2 s GOPs re-encodes a fifth of
     * its frames. False, having written nothing the caller keeps, when the stream cannot be spliced
     * safely or a step fails: the caller then re-encodes the whole video as before.
     */
    private boolean splice(Path in, Path overlay, Path tmp, String place, double shown, Probe p) throws IOException {
        Optional<GopSplice.Point> point = GopSplice.find(ffprobe, in, shown, p.seconds);
        if (point.isEmpty()) return false;
        Path head = tmp.resolveSibling(tmp.getFileName() + ".head.ts");
        try {
            // The head runs on to the keyframe, past the label's end: the same enable window applies.
            Run r = encode(in, overlay, head, place, "none", point);
            return r.exit == 0 && GopSplice.join(ffmpeg, in, head, point.get(), tmp);
        } finally {
            Files.deleteIfExists(head);
        }
    }

    /** @param head when present, only the head's frames are encoded, without audio, to MPEG-TS */
    private Run encode(Path in, Path overlay, Path tmp, String place, String audio, Optional<GopSplice.Point> head)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                ffmpeg,
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-i",
                in.toString(),
                "-i",
                overlay.toString(),
                "-filter_complex",
                "[0:v][1:v]overlay=" + place + "[v]",
                "-map",
                "[v]",
                "-map",
                "0:a?",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "20",
                "-pix_fmt",
                "yuv420p"));
        if (head.isPresent())
            cmd.addAll(List.of("-an", "-frames:v", Integer.toString(head.get().headFrames())));
        else cmd.addAll(List.of("-c:a", audio));
        if (audio.equals("aac")) cmd.addAll(List.of("-b:a", "160k"));
        String x264 = X264_SPEED;
        if (threads > 0) {
            // Decoder and filter threads are input/global options: before the first -i.
            cmd.addAll(5, List.of("-threads", Integer.toString(threads), "-filter_threads", Integer.toString(threads)));
            cmd.addAll(List.of("-threads", Integer.toString(threads)));
            x264 = "threads=" + threads + ":" + x264;
        }
        cmd.addAll(List.of("-x264-params", x264));
        if (head.isPresent()) cmd.addAll(List.of("-f", "mpegts", tmp.toString()));
        else cmd.addAll(List.of("-movflags", "+faststart", "-f", "mp4", tmp.toString()));
        return run(cmd, TIMEOUT_SECONDS);
    }

    private record Probe(int width, int height, double seconds, Optional<String> audio) {}

    private Probe probe(Path in) throws IOException {
        Run r = run(
                List.of(
                        ffprobe,
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_type,codec_name,width,height:format=duration",
                        "-of",
                        "json",
                        in.toString()),
                60);
        if (r.exit != 0) throw new IllegalArgumentException("file: not a readable video: " + tail(r.err));
        JsonNode j = Json.mapper().readTree(r.out);
        int w = 0, h = 0;
        Optional<String> audio = Optional.empty();
        for (JsonNode s : j.path("streams")) {
            if (s.path("codec_type").asText().equals("video") && w == 0) {
                w = s.path("width").asInt();
                h = s.path("height").asInt();
            } else if (s.path("codec_type").asText().equals("audio") && audio.isEmpty()) {
                audio = Optional.of(s.path("codec_name").asText());
            }
        }
        if (w <= 0 || h <= 0) throw new IllegalArgumentException("file: no video stream");
        if ((long) w * h > limits.maxFramePixels())
            throw new IllegalArgumentException(
                    "file: " + w + "×" + h + " frames exceed " + limits.maxFramePixels() + " pixels");
        double seconds = j.path("format").path("duration").asDouble(0);
        if (!(seconds > 0)) throw new IllegalArgumentException("file: the video declares no duration");
        if (seconds > limits.maxSeconds())
            throw new IllegalArgumentException("file: " + seconds + " s is longer than " + limits.maxSeconds() + " s");
        return new Probe(w, h, seconds, audio);
    }

    /**
     * Frames evenly spread over the first {@code seconds}, decoded in one ffmpeg run as raw BGR (six
     * separate seek-and-decode runs cost a third of the labelling time on a 10 s 720p clip). At most
     * 6 frames and 96 MB of pixels. A span longer than {@link #KEYFRAME_SAMPLING_SECONDS} (a continuous
     * label on a long clip) is sampled from keyframes only: decoding every frame of a 10 s 720p clip
     * cost about 0.8 CPU s, a third of the whole label's budget, and encoders place keyframes at
     * scene cuts, which are exactly the frames whose colours differ. {@code eof_action=pass}: with one
     * keyframe in the span, ffmpeg's fps filter otherwise emits no frame at all.
     */
    private List<BufferedImage> frames(Path in, double seconds, Probe p) throws IOException {
        long frameBytes = 3L * p.width * p.height;
        int count = (int) Math.max(1, Math.min(6, 96_000_000L / frameBytes));
        List<String> cmd = new ArrayList<>(List.of(
                ffmpeg,
                "-nostdin",
                "-v",
                "error",
                "-t",
                String.format(Locale.ROOT, "%.3f", seconds),
                "-i",
                in.toString(),
                "-an",
                "-vf",
                String.format(Locale.ROOT, "fps=%.6f:eof_action=pass", count / seconds),
                "-frames:v",
                Integer.toString(count),
                "-f",
                "rawvideo",
                "-pix_fmt",
                "bgr24",
                "-"));
        if (seconds > KEYFRAME_SAMPLING_SECONDS) cmd.addAll(4, List.of("-skip_frame", "nokey"));
        Run r = runBytes(cmd);
        int got = (int) (r.bytes.length / frameBytes);
        if (r.exit != 0 || got == 0)
            throw new IllegalArgumentException("file: cannot decode frames of the video: " + tail(r.err));
        List<BufferedImage> out = new ArrayList<>();
        for (int f = 0; f < got; f++) {
            // bgr24 is TYPE_3BYTE_BGR's own byte order: one array copy per frame, no per-pixel Java loop
            // (that loop ran cold, interpreted, once per label).
            BufferedImage img = new BufferedImage(p.width, p.height, BufferedImage.TYPE_3BYTE_BGR);
            byte[] pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            System.arraycopy(r.bytes, (int) (f * frameBytes), pixels, 0, (int) frameBytes);
            out.add(img);
        }
        return out;
    }

    record Run(int exit, String out, String err, byte[] bytes) {}

    static Run run(List<String> cmd, long timeout) throws IOException {
        Run r = exec(cmd, timeout);
        return new Run(r.exit, new String(r.bytes, StandardCharsets.UTF_8), r.err, r.bytes);
    }

    private static Run runBytes(List<String> cmd) throws IOException {
        return exec(cmd, 120);
    }

    private static Run exec(List<String> cmd, long timeout) throws IOException {
        // stderr goes to a file and stdout is read here: two pipes read by pooled tasks deadlocked when the
        // common pool had one thread and a frame filled the stdout pipe.
        Path err = Files.createTempFile("pramaan-ffmpeg-", ".log");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        try (InputStream o = p.getInputStream()) {
            CompletableFuture<Boolean> watchdog = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            if (p.waitFor(timeout, TimeUnit.SECONDS)) return false;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        p.destroyForcibly();
                        return true;
                    },
                    r -> new Thread(r, "ffmpeg-watchdog").start());
            byte[] out = o.readAllBytes();
            int exit = p.waitFor();
            if (watchdog.join())
                throw new IllegalArgumentException("file: " + cmd.get(0) + " ran past " + timeout + " s");
            return new Run(exit, "", Files.readString(err, StandardCharsets.UTF_8), out);
        } catch (InterruptedException ex) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static String tail(String s) {
        String t = s.strip();
        return t.length() > 300 ? "…" + t.substring(t.length() - 300) : t;
    }
}
