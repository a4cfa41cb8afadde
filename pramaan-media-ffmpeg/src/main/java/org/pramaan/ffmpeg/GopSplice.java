package org.pramaan.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pramaan.json.Json;

/**
 * Where a label that shows only in the opening seconds (GB 45438 §6.1: at least the first 2 s) lets
 * us re-encode just the head of a video and stream-copy the rest. The splice point is the first
 * keyframe at or after the label's end: the copied tail then starts on an IDR picture, which no later
 * picture may reference across (H.264 §8.2.1, IDR resets the reference lists), so its frames decode
 * bit-identical to the input's. The head and the tail travel through MPEG-TS, whose muxer writes each
 * part's own SPS/PPS in-band before its keyframes (Annex B), so the tail decodes with the input's
 * parameter sets even though our encoder's differ. The MP4's {@code avc1} sample entry holds the head's
 * sets only; Chromium plays such a file through the splice with the right pictures
 * (SplicedVideoBrowserTest, pramaan-app, on a tail unlike our head in profile, entropy coder and refs).
 *
 * <p>Only H.264 in 8-bit 4:2:0 is spliced (what we encode, so one decoder configuration fits both
 * parts); anything else, or no keyframe within {@link #SEARCH_SECONDS} after the label, or a keyframe
 * in the last {@link #MIN_TAIL_SECONDS}, gets the full re-encode.
 */
final class GopSplice {
    /** How far past the label's end a keyframe is looked for; beyond it the saving is small anyway. */
    static final double SEARCH_SECONDS = 30.0;

    /** A tail shorter than this is not worth three more process starts. */
    static final double MIN_TAIL_SECONDS = 0.5;

    /** The most packets read while looking for the keyframe (a 120 fps stream over the search span). */
    static final int MAX_PACKETS = 120 * 40;

    /**
     * @param keyframeSeconds presentation time of the tail's first (key)frame
     * @param headFrames frames shown before it, all of which are re-encoded with the label
     * @param timescale the input video track's timescale, kept so the copied timestamps stay exact
     */
    record Point(double keyframeSeconds, int headFrames, long timescale) {}

    private GopSplice() {}

    /** The splice point for a label shown over {@code [0, shown)} of a {@code seconds}-long video, if one is safe. */
    static Optional<Point> find(String ffprobe, Path in, double shown, double seconds) throws IOException {
        FfmpegVideoLabeller.Run s = FfmpegVideoLabeller.run(
                List.of(
                        ffprobe,
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=codec_name,pix_fmt,time_base,start_time",
                        "-of",
                        "json",
                        in.toString()),
                60);
        if (s.exit() != 0) return Optional.empty();
        JsonNode v = Json.mapper().readTree(s.out()).path("streams").path(0);
        if (!v.path("codec_name").asText().equals("h264")
                || !v.path("pix_fmt").asText().equals("yuv420p")) return Optional.empty();
        // -ss on the tail and the packet times below must share one origin: a stream that does not start
        // at 0 (edit lists, a cut capture) gets the full re-encode rather than a frame gained or lost.
        if (Math.abs(number(v.path("start_time").asText())) > 0.0005
                || Double.isNaN(number(v.path("start_time").asText()))) return Optional.empty();
        long timescale = timescale(v.path("time_base").asText());
        if (timescale <= 0) return Optional.empty();
        // Packets only (no decoding): their flags carry the keyframe bit from the MP4 sync-sample table.
        FfmpegVideoLabeller.Run r = FfmpegVideoLabeller.run(
                List.of(
                        ffprobe,
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-read_intervals",
                        String.format(Locale.ROOT, "%%+%.3f", shown + SEARCH_SECONDS),
                        "-show_entries",
                        "packet=pts_time,flags",
                        "-of",
                        "csv=p=0",
                        in.toString()),
                60);
        if (r.exit() != 0) return Optional.empty();
        String[] lines = r.out().lines().limit(MAX_PACKETS).toArray(String[]::new);
        double key = Double.NaN;
        for (String line : lines) {
            int comma = line.indexOf(',');
            if (comma <= 0) continue;
            double t = number(line.substring(0, comma));
            // Half a millisecond of slack: pts_time is printed rounded to microseconds.
            if (line.startsWith("K", comma + 1) && t >= shown - 0.0005 && t <= shown + SEARCH_SECONDS) {
                key = t;
                break;
            }
        }
        if (Double.isNaN(key) || key > seconds - MIN_TAIL_SECONDS) return Optional.empty();
        int head = 0;
        for (String line : lines) {
            int comma = line.indexOf(',');
            if (comma <= 0) continue;
            double t = number(line.substring(0, comma));
            if (Double.isNaN(t)) return Optional.empty(); // a packet without a time: cannot count the head
            if (t < key - 0.0005) head++;
        }
        return head > 0 ? Optional.of(new Point(key, head, timescale)) : Optional.empty();
    }

    /**
     * Writes the labelled head (already encoded by {@code encodeHead} to {@code head}, MPEG-TS) and the
     * input's stream-copied tail to {@code out} as MP4 with the input's audio copied whole. False when
     * any step fails; the caller then re-encodes everything.
     */
    static boolean join(String ffmpeg, Path in, Path head, Point p, Path out) throws IOException {
        Path dir = head.toAbsolutePath().getParent();
        Path tail = dir.resolve(head.getFileName() + ".tail.ts");
        Path list = dir.resolve(head.getFileName() + ".list.txt");
        try {
            // -ss before -i with stream copy starts at the keyframe at or before the point: the point is one.
            FfmpegVideoLabeller.Run t = FfmpegVideoLabeller.run(
                    List.of(
                            ffmpeg,
                            "-nostdin",
                            "-v",
                            "error",
                            "-y",
                            "-ss",
                            String.format(Locale.ROOT, "%.6f", p.keyframeSeconds()),
                            "-i",
                            in.toString(),
                            "-map",
                            "0:v:0",
                            "-c",
                            "copy",
                            "-f",
                            "mpegts",
                            tail.toString()),
                    FfmpegVideoLabeller.TIMEOUT_SECONDS);
            if (t.exit() != 0) return false;
            Files.writeString(list, "file '" + quote(head) + "'\nfile '" + quote(tail) + "'\n");
            FfmpegVideoLabeller.Run j = FfmpegVideoLabeller.run(
                    List.of(
                            ffmpeg,
                            "-nostdin",
                            "-v",
                            "error",
                            "-y",
                            "-f",
                            "concat",
                            "-safe",
                            "0",
                            "-i",
                            list.toString(),
                            "-i",
                            in.toString(),
                            "-map",
                            "0:v:0",
                            "-map",
                            "1:a?",
                            "-c",
                            "copy",
                            "-video_track_timescale",
                            Long.toString(p.timescale()),
                            "-movflags",
                            "+faststart",
                            "-f",
                            "mp4",
                            out.toString()),
                    FfmpegVideoLabeller.TIMEOUT_SECONDS);
            return j.exit() == 0;
        } finally {
            Files.deleteIfExists(tail);
            Files.deleteIfExists(list);
        }
    }

    /** The concat demuxer's list syntax: a quote inside a quoted name is written '\''. */
    private static String quote(Path p) {
        return p.toAbsolutePath().toString().replace("'", "'\\''");
    }

    private static long timescale(String timeBase) {
        if (!timeBase.startsWith("1/") || timeBase.length() > 12) return -1;
        try {
            return Long.parseLong(timeBase.substring(2));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static double number(String s) {
        if (s.isEmpty() || s.length() > 24) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
