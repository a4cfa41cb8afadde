package org.pramaan.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pramaan.json.Json;
import org.pramaan.labels.AudioLabelWriter;
import org.pramaan.labels.AudioPrompt;
import org.pramaan.labels.LabelProfile;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.labels.SpokenPrompt;

/**
 * The GB 45438-2025 §4 audio prompt in MP3 and audio-only MP4/M4A, through the system's
 * {@code ffmpeg}/{@code ffprobe}: the first audio stream is decoded to a 16-bit PCM WAV (at most
 * {@code maxSeconds}, so a header that lies about its length cannot make the decode unbounded),
 * {@link AudioPrompt} inserts the prompt at matched loudness, and the result is encoded back in the
 * input's format at the input's sample rate and bit rate (MP3 with libmp3lame and a LAME/Xing header,
 * whose encoder-delay field lets decoders trim the priming samples so the prompt starts at 0; AAC in
 * MP4, whose edit list does the same). The implicit labels the input carried are then written back.
 * Processes get argument arrays (no shell) and a time limit; the output appears whole or not at all.
 */
public final class FfmpegAudioLabeller implements AudioLabelWriter {
    /** Input files above this are refused before any process runs. */
    public static final long MAX_INPUT_BYTES = 512L * 1024 * 1024;

    /** Bit rates outside this range are clamped (libmp3lame's and a sane AAC range). */
    static final long MIN_BIT_RATE = 32_000, MAX_BIT_RATE = 320_000, DEFAULT_BIT_RATE = 192_000;

    private final String ffmpeg;
    private final String ffprobe;
    private final double maxSeconds;
    private final Map<String, SpokenPrompt> spoken;

    public FfmpegAudioLabeller() {
        this("ffmpeg", "ffprobe", 3600);
    }

    public FfmpegAudioLabeller(String ffmpeg, String ffprobe, double maxSeconds) {
        this(ffmpeg, ffprobe, maxSeconds, Map.of());
    }

    /** @param maxSeconds the longest programme labelled (declared or decoded) */
    public FfmpegAudioLabeller(String ffmpeg, String ffprobe, double maxSeconds, Map<String, SpokenPrompt> spoken) {
        if (!(maxSeconds > 0 && maxSeconds <= 6 * 3600))
            throw new IllegalArgumentException("maxSeconds must be in (0, 21600], got " + maxSeconds);
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.maxSeconds = maxSeconds;
        this.spoken = Map.copyOf(spoken);
    }

    /** Whether ffmpeg runs and has both encoders this needs. */
    public boolean available() {
        try {
            FfmpegVideoLabeller.Run r = FfmpegVideoLabeller.run(List.of(ffmpeg, "-hide_banner", "-encoders"), 30);
            return r.exit() == 0 && r.out().contains("libmp3lame") && r.out().contains(" aac ");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Result label(Path in, Path out, LabelProfile profile, String language) throws IOException {
        if (!Files.isRegularFile(in)) throw new IllegalArgumentException("file: no such file: " + in);
        long size = Files.size(in);
        if (size == 0) throw new IllegalArgumentException("file: the audio file is empty (0 bytes)");
        if (size > MAX_INPUT_BYTES)
            throw new IllegalArgumentException("file: " + size + " bytes is more than " + MAX_INPUT_BYTES);
        byte[] input = Files.readAllBytes(in);
        MetadataWriter.Format f;
        try {
            f = MetadataWriter.format(input);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("file: not an MP3 or MP4/M4A audio file", e);
        }
        if (f != MetadataWriter.Format.MP3 && f != MetadataWriter.Format.MP4)
            throw new IllegalArgumentException("file: expected MP3 or MP4/M4A audio, found " + f);
        Probe p = probe(in, f);
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder))
            throw new IllegalArgumentException("output folder " + folder + " does not exist");
        String stem = ".pramaan-" + Long.toUnsignedString(System.nanoTime());
        Path pcm = Files.createTempFile("pramaan-audio-", ".wav");
        Path labelled = Files.createTempFile("pramaan-audio-labelled-", ".wav");
        Path tmp = folder.resolve(stem + (f == MetadataWriter.Format.MP3 ? ".tmp.mp3" : ".tmp.m4a"));
        try {
            FfmpegVideoLabeller.Run d = FfmpegVideoLabeller.run(
                    List.of(
                            ffmpeg,
                            "-nostdin",
                            "-v",
                            "error",
                            "-xerror",
                            "-y",
                            "-i",
                            in.toString(),
                            "-map",
                            "0:a:0",
                            "-t",
                            String.format(Locale.ROOT, "%.3f", maxSeconds),
                            "-map_metadata",
                            "-1",
                            "-fflags",
                            "+bitexact",
                            "-c:a",
                            "pcm_s16le",
                            "-f",
                            "wav",
                            pcm.toString()),
                    FfmpegVideoLabeller.TIMEOUT_SECONDS);
            if (d.exit() != 0 || Files.size(pcm) <= 44)
                throw new IllegalArgumentException(
                        "file: cannot decode the " + f + " audio: " + FfmpegVideoLabeller.tail(d.err()));
            AudioPrompt.Result a = AudioPrompt.insert(
                    Files.readAllBytes(pcm),
                    profile.audio().placement(),
                    profile.audio().prompt(),
                    Optional.ofNullable(spoken.get(language)));
            Files.write(labelled, a.wav());
            String codec = f == MetadataWriter.Format.MP3 ? "libmp3lame" : "aac";
            List<String> cmd = new ArrayList<>(List.of(
                    ffmpeg,
                    "-nostdin",
                    "-v",
                    "error",
                    "-y",
                    "-i",
                    labelled.toString(),
                    "-c:a",
                    codec,
                    "-b:a",
                    Long.toString(p.bitRate),
                    "-ar",
                    Integer.toString(p.sampleRate)));
            if (f == MetadataWriter.Format.MP3) cmd.addAll(List.of("-write_xing", "1", "-f", "mp3", tmp.toString()));
            else cmd.addAll(List.of("-movflags", "+faststart", "-f", "mp4", tmp.toString()));
            FfmpegVideoLabeller.Run e = FfmpegVideoLabeller.run(cmd, FfmpegVideoLabeller.TIMEOUT_SECONDS);
            if (e.exit() != 0)
                throw new IllegalArgumentException(
                        "file: ffmpeg could not encode the labelled audio: " + FfmpegVideoLabeller.tail(e.err()));
            Files.write(tmp, AudioLabelWriter.carryImplicitLabels(input, Files.readAllBytes(tmp), f));
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(f.name(), codec, p.bitRate, p.sampleRate, p.channels, p.seconds, a.placed());
        } finally {
            Files.deleteIfExists(pcm);
            Files.deleteIfExists(labelled);
            Files.deleteIfExists(tmp);
        }
    }

    private record Probe(int sampleRate, int channels, long bitRate, double seconds) {}

    private Probe probe(Path in, MetadataWriter.Format f) throws IOException {
        FfmpegVideoLabeller.Run r = FfmpegVideoLabeller.run(
                List.of(
                        ffprobe,
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_type,codec_name,sample_rate,channels,bit_rate:stream_disposition=attached_pic"
                                + ":format=duration,bit_rate",
                        "-of",
                        "json",
                        in.toString()),
                60);
        if (r.exit() != 0)
            throw new IllegalArgumentException(
                    "file: not a readable " + f + " audio file: " + FfmpegVideoLabeller.tail(r.err()));
        JsonNode j = Json.mapper().readTree(r.out());
        JsonNode audio = null;
        for (JsonNode s : j.path("streams")) {
            String type = s.path("codec_type").asText();
            if (type.equals("audio") && audio == null) audio = s;
            // An MP3's cover art is a picture stream; anything else moving is a video, labelled as one.
            if (type.equals("video")
                    && s.path("disposition").path("attached_pic").asInt() != 1)
                throw new IllegalArgumentException(
                        "file: the " + f + " has a video stream; label it as a video (audio-only files here)");
        }
        if (audio == null) throw new IllegalArgumentException("file: the " + f + " has no audio stream");
        int rate = audio.path("sample_rate").asInt(0);
        int channels = audio.path("channels").asInt(0);
        if (rate < 8000 || rate > 96_000 || channels < 1 || channels > 8)
            throw new IllegalArgumentException(
                    "file: " + channels + " channels at " + rate + " Hz is outside 1-8 channels, 8-96 kHz");
        double seconds = j.path("format").path("duration").asDouble(0);
        if (!(seconds > 0)) throw new IllegalArgumentException("file: the " + f + " declares no duration");
        if (seconds > maxSeconds)
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "file: the %s declares %.1f s, longer than the %.0f s limit", f, seconds, maxSeconds));
        long bitRate = audio.path("bit_rate").asLong(0);
        if (bitRate <= 0) bitRate = j.path("format").path("bit_rate").asLong(0);
        if (bitRate <= 0) bitRate = DEFAULT_BIT_RATE;
        bitRate = Math.max(MIN_BIT_RATE, Math.min(MAX_BIT_RATE, bitRate));
        return new Probe(rate, channels, bitRate, seconds);
    }
}
