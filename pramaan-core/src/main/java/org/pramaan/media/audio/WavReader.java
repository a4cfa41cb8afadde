package org.pramaan.media.audio;

import java.io.IOException;
import java.util.Optional;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.container.Bytes;
import org.pramaan.media.container.RiffChunks;

/**
 * Reads PCM WAV (8/16/24/32-bit integer, 32/64-bit float, any channel count up to 32) into mono float
 * samples, averaging the channels. Streamed files (a 'data' length of 0xFFFFFFFF) are read to the end
 * of the file. Every length is checked against the file before anything is
 * allocated, and the sample count against {@link #maxFrames}, so a hostile header cannot make it
 * allocate gigabytes. Errors are {@link MediaRejectedException}s that name the problem.
 */
public final class WavReader {
    /** 15 minutes at 48 kHz: 173 MB of floats, well above the clips hash banks hold. */
    public static final long DEFAULT_MAX_FRAMES = 48_000L * 60 * 15;

    private static final int BLOCK_FRAMES = 8192;

    private final long maxFrames;

    public WavReader() {
        this(DEFAULT_MAX_FRAMES);
    }

    public WavReader(long maxFrames) {
        if (maxFrames < 1 || maxFrames > Integer.MAX_VALUE - 16)
            throw new IllegalArgumentException(
                    "max frames must be 1.." + (Integer.MAX_VALUE - 16) + ", got " + maxFrames);
        this.maxFrames = maxFrames;
    }

    public long maxFrames() {
        return maxFrames;
    }

    public DecodedAudio read(MediaSource src) throws IOException, MediaRejectedException {
        if (src.size() == 0) throw new MediaRejectedException(RejectionCode.EMPTY, "WAV file is empty (0 bytes)");
        if (src.size() < 12)
            throw new MediaRejectedException(
                    RejectionCode.TRUNCATED,
                    "WAV header is cut short: " + src.size() + " bytes, the RIFF header needs 12");
        byte[] head = src.read(0, 12);
        if (!Bytes.startsWith(head, 0, "RIFF") || !Bytes.startsWith(head, 8, "WAVE"))
            throw WavFormat.corrupt("does not start with 'RIFF' … 'WAVE'");
        RiffChunks.Result walk = RiffChunks.walk(src);
        Optional<RiffChunks.Chunk> fmtChunk = find(walk, "fmt ");
        Optional<RiffChunks.Chunk> data = find(walk, "data").or(() -> streamed(src, walk));
        if (data.isEmpty() || fmtChunk.isEmpty()) {
            String missing = fmtChunk.isEmpty() ? "'fmt '" : "'data'";
            String why = walk.problem().isEmpty() ? "" : " (" + walk.problem() + ")";
            throw new MediaRejectedException(
                    walk.problem().isEmpty() ? RejectionCode.CORRUPT : RejectionCode.TRUNCATED,
                    "WAV has no complete " + missing + " chunk" + why);
        }
        if (fmtChunk.get().length() > 1024)
            throw WavFormat.corrupt("'fmt ' chunk is " + fmtChunk.get().length() + " bytes; at most 1024 are accepted");
        WavFormat format = WavFormat.parse(
                src.read(fmtChunk.get().dataOffset(), (int) fmtChunk.get().length()));
        long frames = data.get().length() / format.blockAlign();
        if (frames == 0)
            throw new MediaRejectedException(
                    RejectionCode.EMPTY,
                    "WAV 'data' chunk holds no sample frames (" + data.get().length() + " bytes)");
        if (frames > maxFrames) {
            throw new MediaRejectedException(
                    RejectionCode.TOO_LARGE,
                    String.format(
                            java.util.Locale.ROOT,
                            "WAV holds %d sample frames (%.1f s at %d Hz); the limit is %d",
                            frames,
                            (double) frames / format.sampleRate(),
                            format.sampleRate(),
                            maxFrames));
        }
        return new DecodedAudio(
                mixDown(src, data.get().dataOffset(), (int) frames, format), format.sampleRate(), format.channels());
    }

    /**
     * A WAV written to a pipe cannot go back to fill in its sizes, so writers (ffmpeg, sox, espeak-ng
     * to stdout) leave the 'data' length at 0xFFFFFFFF. Only that marker, on the chunk after the last
     * whole one, means "the samples run to the end of the file"; any other overlong length is truncation.
     */
    private static Optional<RiffChunks.Chunk> streamed(MediaSource src, RiffChunks.Result walk) {
        long pos = walk.chunks().isEmpty()
                ? 12
                : walk.chunks().getLast().dataOffset()
                        + walk.chunks().getLast().length()
                        + (walk.chunks().getLast().length() & 1);
        try {
            if (pos + 8 > src.size()) return Optional.empty();
            byte[] h = src.read(pos, 8);
            if (!Bytes.startsWith(h, 0, "data") || Bytes.u32le(h, 4) != 0xFFFFFFFFL) return Optional.empty();
            return Optional.of(new RiffChunks.Chunk("data", pos + 8, src.size() - pos - 8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<RiffChunks.Chunk> find(RiffChunks.Result walk, String id) {
        return walk.chunks().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static float[] mixDown(MediaSource src, long offset, int frames, WavFormat f)
            throws IOException, MediaRejectedException {
        float[] out = new float[frames];
        int bytesPerSample = f.bitsPerSample() / 8;
        float scale = 1f / f.channels();
        for (int start = 0; start < frames; start += BLOCK_FRAMES) {
            int n = Math.min(BLOCK_FRAMES, frames - start);
            byte[] block = src.read(offset + (long) start * f.blockAlign(), n * f.blockAlign());
            for (int i = 0; i < n; i++) {
                float sum = 0;
                for (int c = 0; c < f.channels(); c++) sum += f.sample(block, i * f.blockAlign() + c * bytesPerSample);
                if (!Float.isFinite(sum))
                    throw WavFormat.corrupt("sample frame " + (start + i) + " is not a finite number");
                out[start + i] = sum * scale;
            }
        }
        return out;
    }
}
