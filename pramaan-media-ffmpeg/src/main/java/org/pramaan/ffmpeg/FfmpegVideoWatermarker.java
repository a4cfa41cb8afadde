package org.pramaan.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.pramaan.json.Json;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.watermark.FrameMark;
import org.pramaan.watermark.KeyedWatermark;
import org.pramaan.watermark.VideoWatermarkWriter;

/**
 * Our keyed watermark in every frame of a video (issue 14 item 2), with the system's {@code ffmpeg}
 * (libx264, as {@link FfmpegVideoLabeller}): one ffmpeg decodes the video to raw YUV 4:2:0 on a pipe,
 * this class adds the payload's precomputed pattern ({@link FrameMark}) to each frame's Y plane, and a
 * second ffmpeg encodes the frames from its stdin to H.264 (CRF 20, veryfast with the labeller's
 * narrowed motion search) while copying the audio from the original (encoded to AAC only when MP4
 * cannot carry it). One decode, one encode; the frames never leave YUV (no RGB round trip). The
 * input is read with the mov/MP4 demuxer and the file protocol only (an upload naming other files or
 * URLs is not followed). The frame rate is the stream's average; a variable-rate stream is made
 * constant at that rate, so the output keeps the duration and audio sync. Processes get argument
 * arrays (no shell) and a time limit; the output appears whole or not at all.
 */
public final class FfmpegVideoWatermarker implements VideoWatermarkWriter {
    /** Codecs an MP4 carries as they are; anything else (PCM, Vorbis) is encoded to AAC. */
    static final Set<String> MP4_AUDIO = Set.of("aac", "mp3", "ac3", "eac3", "alac", "opus", "flac");

    static final long TIMEOUT_SECONDS = FfmpegVideoLabeller.TIMEOUT_SECONDS;
    private static final String DEMUXER = "mov", PROTOCOLS = "file";

    private final String ffmpeg;
    private final String ffprobe;
    private final DecodeLimits limits;
    private final int threads;

    public FfmpegVideoWatermarker() {
        this("ffmpeg", "ffprobe", DecodeLimits.DEFAULT, 0);
    }

    /** @param threads decoder and encoder threads each; 0 lets ffmpeg choose (all cores), 1 measures one core */
    public FfmpegVideoWatermarker(String ffmpeg, String ffprobe, DecodeLimits limits, int threads) {
        if (threads < 0 || threads > 256)
            throw new IllegalArgumentException("threads must be 0 to 256, got " + threads);
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.limits = limits;
        this.threads = threads;
    }

    /** Whether the ffmpeg binary runs and has libx264. */
    public boolean available() {
        return new FfmpegVideoLabeller(ffmpeg, ffprobe, limits, 0).available();
    }

    record Probe(int width, int height, String rate, double seconds, Optional<String> audio) {}

    @Override
    public Optional<Result> mark(Path in, Path out, KeyedWatermark mark, int payload, int minSide) throws IOException {
        if (!Files.isRegularFile(in)) throw new IllegalArgumentException("file: no such file: " + in);
        Optional<Probe> probed = probe(in);
        if (probed.isEmpty()) return Optional.empty();
        Probe p = probed.get();
        if (Math.min(p.width, p.height) < minSide) return Optional.empty();
        Path folder = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder))
            throw new IllegalArgumentException("output folder " + folder + " does not exist");
        FrameMark pattern = mark.frameMark(p.width, p.height, payload);
        Path tmp = folder.resolve(".pramaan-" + Long.toUnsignedString(System.nanoTime()) + ".wm.mp4");
        Path decErr = Files.createTempFile("pramaan-wm-dec-", ".log");
        Path encErr = Files.createTempFile("pramaan-wm-enc-", ".log");
        boolean copy = p.audio.isPresent() && MP4_AUDIO.contains(p.audio.get());
        Process dec = null, enc = null;
        try {
            dec = new ProcessBuilder(decoder(in, p))
                    .redirectError(decErr.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .start();
            enc = new ProcessBuilder(encoder(in, tmp, p, copy ? "copy" : "aac"))
                    .redirectError(encErr.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Pumped pumped = pump(dec, enc, pattern, p);
            long frames = pumped.frames();
            boolean decDone = dec.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            boolean encDone = enc.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!decDone || !encDone)
                throw new IllegalArgumentException("file: ffmpeg ran past " + TIMEOUT_SECONDS + " s");
            if (!pumped.encoderGone() && (dec.exitValue() != 0 || frames == 0))
                throw new IllegalArgumentException(
                        "file: ffmpeg could not decode the video" + (frames == 0 ? " (no frame)" : "") + ": "
                                + FfmpegVideoLabeller.tail(Files.readString(decErr, StandardCharsets.UTF_8)));
            if (enc.exitValue() != 0)
                throw new IllegalArgumentException("file: ffmpeg could not encode the watermarked video: "
                        + FfmpegVideoLabeller.tail(Files.readString(encErr, StandardCharsets.UTF_8)));
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(new Result(p.width, p.height, frames, p.seconds, copy));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            if (dec != null) dec.destroyForcibly();
            if (enc != null) enc.destroyForcibly();
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(decErr);
            Files.deleteIfExists(encErr);
        }
    }

    /**
     * Reads whole frames from the decoder, marks their Y plane and writes them to the encoder, under
     * a watchdog that kills both processes past the time limit (their pipes then close and this
     * returns). A trailing partial frame means the decoder died mid-frame: refused.
     */
    /** @param encoderGone the encoder exited while frames were still coming (its log says why; the decoder was stopped) */
    private record Pumped(long frames, boolean encoderGone) {}

    private static Pumped pump(Process dec, Process enc, FrameMark pattern, Probe p) throws IOException {
        int cw = (p.width + 1) / 2, ch = (p.height + 1) / 2;
        int frameBytes = p.width * p.height + 2 * cw * ch;
        byte[] frame = new byte[frameBytes];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        Thread watchdog = new Thread(
                () -> {
                    try {
                        while (System.nanoTime() < deadline && (dec.isAlive() || enc.isAlive())) Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                    dec.destroyForcibly();
                    enc.destroyForcibly();
                },
                "ffmpeg-watermark-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        long frames = 0;
        try (InputStream from = dec.getInputStream();
                OutputStream to = enc.getOutputStream()) {
            while (true) {
                int n = from.readNBytes(frame, 0, frameBytes);
                if (n == 0) break;
                if (n < frameBytes)
                    throw new IllegalArgumentException("file: the video's decoding stopped inside frame " + frames);
                pattern.apply(frame);
                to.write(frame);
                frames++;
            }
        } catch (IOException e) {
            if (enc.isAlive()) throw e;
            dec.destroyForcibly(); // else it blocks on a full pipe nobody reads until the time limit
            return new Pumped(frames, true);
        } finally {
            watchdog.interrupt();
        }
        if (System.nanoTime() >= deadline)
            throw new IllegalArgumentException("file: ffmpeg ran past " + TIMEOUT_SECONDS + " s");
        return new Pumped(frames, false);
    }

    private List<String> decoder(Path in, Probe p) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-v", "error"));
        if (threads > 0) cmd.addAll(List.of("-threads", Integer.toString(threads)));
        cmd.addAll(List.of(
                "-protocol_whitelist",
                PROTOCOLS,
                "-f",
                DEMUXER,
                "-i",
                in.toString(),
                "-map",
                "0:v:0",
                "-an",
                "-sn",
                "-dn",
                "-fps_mode",
                "cfr",
                "-r",
                p.rate,
                "-f",
                "rawvideo",
                "-pix_fmt",
                "yuv420p",
                "-"));
        return cmd;
    }

    private List<String> encoder(Path in, Path tmp, Probe p, String audio) {
        List<String> cmd = new ArrayList<>(List.of(
                ffmpeg,
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-f",
                "rawvideo",
                "-pix_fmt",
                "yuv420p",
                "-s",
                p.width + "x" + p.height,
                "-r",
                p.rate,
                "-i",
                "-",
                "-protocol_whitelist",
                PROTOCOLS,
                "-f",
                DEMUXER,
                "-i",
                in.toString(),
                "-map",
                "0:v",
                "-map",
                "1:a:0?",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "20",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                audio));
        if (audio.equals("aac")) cmd.addAll(List.of("-b:a", "160k"));
        String x264 = FfmpegVideoLabeller.X264_SPEED;
        if (threads > 0) {
            cmd.addAll(List.of("-threads", Integer.toString(threads)));
            x264 = "threads=" + threads + ":" + x264;
        }
        cmd.addAll(List.of("-x264-params", x264, "-movflags", "+faststart", "-f", "mp4", tmp.toString()));
        return cmd;
    }

    /** Size, average frame rate, duration and audio codec; empty when the file has no video stream. */
    private Optional<Probe> probe(Path in) throws IOException {
        FfmpegVideoLabeller.Run r = FfmpegVideoLabeller.run(
                List.of(
                        ffprobe,
                        "-v",
                        "error",
                        "-protocol_whitelist",
                        PROTOCOLS,
                        "-f",
                        DEMUXER,
                        "-show_entries",
                        "stream=codec_type,codec_name,width,height,avg_frame_rate,r_frame_rate:format=duration",
                        "-of",
                        "json",
                        in.toString()),
                60);
        if (r.exit() != 0)
            throw new IllegalArgumentException("file: not a readable video: " + FfmpegVideoLabeller.tail(r.err()));
        JsonNode j = Json.mapper().readTree(r.out());
        int w = 0, h = 0;
        String rate = "";
        Optional<String> audio = Optional.empty();
        for (JsonNode s : j.path("streams")) {
            String type = s.path("codec_type").asText();
            if (type.equals("video") && w == 0) {
                w = s.path("width").asInt();
                h = s.path("height").asInt();
                rate = rate(
                        s.path("avg_frame_rate").asText(),
                        s.path("r_frame_rate").asText());
            } else if (type.equals("audio") && audio.isEmpty()) {
                audio = Optional.of(s.path("codec_name").asText());
            }
        }
        if (w <= 0 || h <= 0) return Optional.empty();
        if ((long) w * h > limits.maxFramePixels())
            throw new IllegalArgumentException(
                    "file: " + w + "×" + h + " frames exceed " + limits.maxFramePixels() + " pixels");
        double seconds = j.path("format").path("duration").asDouble(0);
        if (!(seconds > 0)) throw new IllegalArgumentException("file: the video declares no duration");
        if (seconds > limits.maxSeconds())
            throw new IllegalArgumentException("file: " + seconds + " s is longer than " + limits.maxSeconds() + " s");
        return Optional.of(new Probe(w, h, rate, seconds, audio));
    }

    /** A rational rate {@code num/den} as ffmpeg writes it, checked (1 to 240 fps); 25 when none is declared. */
    static String rate(String avg, String declared) {
        for (String r : List.of(avg, declared)) {
            int slash = r.indexOf('/');
            if (slash <= 0 || r.length() > 24) continue;
            try {
                long num = Long.parseLong(r.substring(0, slash)), den = Long.parseLong(r.substring(slash + 1));
                if (num > 0 && den > 0 && num / (double) den >= 1 && num / (double) den <= 240) return num + "/" + den;
            } catch (NumberFormatException e) {
                // not a rational: try the next
            }
        }
        return "25";
    }
}
