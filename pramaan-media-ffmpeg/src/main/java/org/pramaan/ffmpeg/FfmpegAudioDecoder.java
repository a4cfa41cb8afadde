package org.pramaan.ffmpeg;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.AudioClip;
import org.pramaan.media.decode.AudioDecoder;
import org.pramaan.media.decode.DecodeLimits;

/**
 * Audio through JavaCV's grabber, which resamples to packed float with libswresample; exact frame
 * numbering does not matter for audio, so its convenience is worth it here. Channels are averaged
 * here rather than by swresample, whose stereo downmix adds them at -3 dB (gain 1.41 for a
 * centred signal), so a mono file and its stereo copy give the same samples.
 */
final class FfmpegAudioDecoder implements AudioDecoder {
    static {
        Native.init();
    }

    @Override
    public AudioClip decodeMono(Path file, int sampleRate, DecodeLimits limits) throws MediaRejectedException {
        if (sampleRate < 1000 || sampleRate > 384_000)
            throw new IllegalArgumentException("sampleRate must be 1,000..384,000 Hz, got " + sampleRate);
        Native.preflight(file);
        long max = Math.min(Integer.MAX_VALUE - 16, (long) Math.ceil(limits.maxSeconds() * sampleRate));
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setOption("format_whitelist", Native.DEMUXERS);
            g.setOption("protocol_whitelist", Native.PROTOCOLS);
            g.setSampleRate(sampleRate);
            g.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
            start(g, file);
            if (g.getAudioStream() < 0 || (g.getAudioCodec() == 0 && g.getAudioChannels() == 0)) {
                throw new MediaRejectedException(RejectionCode.NO_STREAM, file + ": has no audio stream");
            }
            if (g.getLengthInTime() / 1e6 > limits.maxSeconds()) {
                throw new MediaRejectedException(
                        RejectionCode.TOO_LONG,
                        file + ": declares " + g.getLengthInTime() / 1_000_000 + " s of audio, over the limit of "
                                + limits.maxDuration());
            }
            return new AudioClip(sampleRate, samples(g, file, max, limits));
        } catch (FrameGrabber.Exception e) {
            throw new MediaRejectedException(
                    RejectionCode.CORRUPT, file + ": cannot decode audio: " + e.getMessage(), e);
        }
    }

    private static void start(FFmpegFrameGrabber g, Path file) throws MediaRejectedException {
        try {
            g.start();
        } catch (FrameGrabber.Exception e) {
            throw new MediaRejectedException(
                    RejectionCode.CORRUPT,
                    file + ": not a readable media container (corrupt, truncated or not media): " + e.getMessage(),
                    e);
        }
    }

    private static float[] samples(FFmpegFrameGrabber g, Path file, long max, DecodeLimits limits)
            throws FrameGrabber.Exception, MediaRejectedException {
        int channels = Math.max(1, g.getAudioChannels());
        float[] out = new float[4096];
        int n = 0;
        for (Frame f; (f = g.grabSamples()) != null; ) {
            org.pramaan.limits.WorkBudget.check(); // per audio frame, as the video loop (issue 11)
            if (f.samples == null || f.samples.length == 0) continue;
            FloatBuffer b = (FloatBuffer) f.samples[0]; // packed: channels interleaved
            int len = b.remaining() / channels;
            if (n + (long) len > max)
                throw new MediaRejectedException(
                        RejectionCode.TOO_LONG, file + ": audio runs past the limit of " + limits.maxDuration());
            if (n + len > out.length) out = java.util.Arrays.copyOf(out, Math.max(n + len, out.length * 2));
            for (int i = 0; i < len; i++) {
                float sum = 0;
                for (int c = 0; c < channels; c++) sum += b.get();
                out[n + i] = sum / channels;
            }
            n += len;
        }
        if (n == 0)
            throw new MediaRejectedException(RejectionCode.CORRUPT, file + ": no audio sample could be decoded");
        return java.util.Arrays.copyOf(out, n);
    }
}
