package org.pramaan.ffmpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes frames drawn in Java2D to a video file, for generated test media (intake, vPDQ clips).
 * Uses encoders the LGPL FFmpeg build has: MPEG-4 Part 2 in MP4 or MJPEG in AVI (no x264).
 */
public final class VideoWriter implements AutoCloseable {
    /** Codec and container pairs the bundled build can write. */
    public enum Format {
        MPEG4_MP4("mp4", avcodec.AV_CODEC_ID_MPEG4, avutil.AV_PIX_FMT_YUV420P),
        MJPEG_AVI("avi", avcodec.AV_CODEC_ID_MJPEG, avutil.AV_PIX_FMT_YUVJ420P);

        final String container;
        final int codec;
        final int pixelFormat;

        Format(String container, int codec, int pixelFormat) {
            this.container = container;
            this.codec = codec;
            this.pixelFormat = pixelFormat;
        }
    }

    static {
        Native.init();
    }

    private final FFmpegFrameRecorder recorder;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();

    private VideoWriter(FFmpegFrameRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Opens {@code file} for writing video frames.
     *
     * @param quality FFmpeg qscale, 1 (best) .. 31
     */
    public static VideoWriter open(Path file, Format format, int width, int height, double fps, int quality)
            throws IOException {
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        r.setFormat(format.container);
        r.setVideoCodec(format.codec);
        r.setPixelFormat(format.pixelFormat);
        r.setFrameRate(fps);
        r.setVideoQuality(quality);
        r.setGopSize((int) Math.max(1, Math.round(fps)));
        try {
            r.start();
        } catch (FrameRecorder.Exception e) {
            throw new IOException(file + ": cannot start the " + format + " encoder: " + e.getMessage(), e);
        }
        return new VideoWriter(r);
    }

    public void write(BufferedImage frame) throws IOException {
        try {
            recorder.record(converter.convert(frame));
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot encode a frame: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            recorder.stop();
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot finish the video: " + e.getMessage(), e);
        }
    }
}
