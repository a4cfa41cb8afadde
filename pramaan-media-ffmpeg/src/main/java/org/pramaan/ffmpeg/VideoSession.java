package org.pramaan.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoFrameSink;
import org.pramaan.media.decode.VideoStreamInfo;

/** One open video file: demuxer, decoder and the packet loop. Not thread-safe; closed by its user. */
final class VideoSession implements AutoCloseable {
    private final Path file;
    private final DecodeLimits limits;
    private final AVFormatContext format;
    private AVCodecContext codec;
    private int streamIndex;
    private double timeBase;
    private VideoStreamInfo info;
    private long dropped;

    private VideoSession(Path file, DecodeLimits limits, AVFormatContext format) {
        this.file = file;
        this.limits = limits;
        this.format = format;
    }

    static VideoSession open(Path file, DecodeLimits limits) throws MediaRejectedException {
        AVFormatContext fmt = new AVFormatContext(null);
        org.bytedeco.ffmpeg.avutil.AVDictionary options = new org.bytedeco.ffmpeg.avutil.AVDictionary(null);
        av_dict_set(options, "format_whitelist", Native.DEMUXERS, 0);
        av_dict_set(options, "protocol_whitelist", Native.PROTOCOLS, 0);
        int r = avformat_open_input(fmt, file.toAbsolutePath().toString(), null, options);
        av_dict_free(options);
        if (r < 0)
            throw reject(
                    RejectionCode.CORRUPT,
                    file,
                    "not a readable media container: " + Native.error(r) + " (corrupt, truncated or not media)");
        VideoSession s = new VideoSession(file, limits, fmt);
        try {
            s.openStream();
            return s;
        } catch (MediaRejectedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    VideoStreamInfo info() {
        return info;
    }

    /** Frames the last skipping {@link #run} dropped undecoded (counted and numbered all the same). */
    long dropped() {
        return dropped;
    }

    private void openStream() throws MediaRejectedException {
        int r = avformat_find_stream_info(format, (org.bytedeco.javacpp.PointerPointer<?>) null);
        if (r < 0) throw reject(RejectionCode.CORRUPT, file, "cannot read stream headers: " + Native.error(r));
        streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (streamIndex < 0)
            throw reject(RejectionCode.NO_STREAM, file, "has no decodable video stream: " + Native.error(streamIndex));
        AVStream stream = format.streams(streamIndex);
        int w = stream.codecpar().width(), h = stream.codecpar().height();
        if (w <= 0 || h <= 0)
            throw reject(RejectionCode.CORRUPT, file, "video stream declares frame size " + w + "x" + h);
        checkPixels(w, h);
        double fps = rate(stream.avg_frame_rate());
        if (!(fps > 0)) fps = rate(stream.r_frame_rate());
        if (!(fps > 0) || fps > 1000)
            throw reject(RejectionCode.CORRUPT, file, "video stream declares no usable frame rate (" + fps + " fps)");
        double declared = format.duration() > 0 ? format.duration() / (double) AV_TIME_BASE : 0;
        if (declared > limits.maxSeconds()) throw tooLong("declares a duration of " + seconds(declared));
        timeBase = rate(stream.time_base());
        AVCodec decoder = avcodec_find_decoder(stream.codecpar().codec_id());
        if (decoder == null || decoder.isNull())
            throw reject(
                    RejectionCode.UNKNOWN_TYPE,
                    file,
                    "no decoder for the video codec (id " + stream.codecpar().codec_id() + ")");
        codec = avcodec_alloc_context3(decoder);
        r = avcodec_parameters_to_context(codec, stream.codecpar());
        if (r >= 0) r = avcodec_open2(codec, decoder, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
        if (r < 0)
            throw reject(
                    RejectionCode.CORRUPT,
                    file,
                    "cannot open the " + decoder.name().getString() + " decoder: " + Native.error(r));
        info = new VideoStreamInfo(w, h, fps, declared, decoder.name().getString());
    }

    /**
     * Reads every packet of the stream, then drains the decoder; returns frames decoded (counting
     * dropped ones). With {@code skipping}, packets whose frame no sample can need are sent with
     * {@code skip_frame = AVDISCARD_NONREF} (see {@link SkipNumbering}); may then throw {@link
     * SkipNumbering.Fallback}.
     */
    long run(int frameSide, VideoFrameSink sink, boolean skipping) throws MediaRejectedException {
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try (RgbConverter rgb = new RgbConverter(frameSide)) {
            FrameLoop loop = new FrameLoop(frame, rgb, sink, skipping ? new SkipNumbering(sink::wants) : null);
            int bad = 0, lastError = 0;
            if (skipping) {
                try (PacketLookahead ahead = new PacketLookahead(format, streamIndex)) {
                    for (AVPacket p; (p = ahead.next()) != null; ) {
                        org.pramaan.limits.WorkBudget.check(); // per packet, as below (issue 11)
                        try {
                            sendSkipping(p, ahead.nextIdr(), loop);
                        } finally {
                            av_packet_free(p);
                        }
                    }
                    if (ahead.readError() < 0) bad++; // a damaged tail: keep what decoded
                    lastError = ahead.readError();
                }
            }
            while (!skipping) {
                org.pramaan.limits.WorkBudget
                        .check(); // per packet: a request's decode stops when its budget is spent (issue 11)
                int r = av_read_frame(format, packet);
                if (r == AVERROR_EOF()) break;
                if (r < 0) {
                    lastError = r;
                    bad++;
                    break;
                } // a damaged tail: keep what decoded
                if (packet.stream_index() == streamIndex) {
                    int s = avcodec_send_packet(codec, packet);
                    // Like the ffmpeg tool, a damaged packet is skipped; a file of nothing else is refused below.
                    if (s < 0 && s != Native.AVERROR_EAGAIN) {
                        lastError = s;
                        bad++;
                    } else loop.drain();
                }
                av_packet_unref(packet);
            }
            avcodec_send_packet(codec, null);
            loop.drain();
            if (loop.numbering != null) {
                loop.frames = loop.numbering.finish();
                dropped = loop.numbering.dropped();
            }
            if (loop.frames == 0) {
                throw reject(
                        RejectionCode.CORRUPT,
                        file,
                        "no video frame could be decoded"
                                + (bad > 0
                                        ? " (" + bad + " damaged packets, last: " + Native.error(lastError) + ")"
                                        : ""));
            }
            return loop.frames;
        } finally {
            av_packet_free(packet);
            av_frame_free(frame);
        }
    }

    /** One packet of the skipping decode: the decoder is told per packet what it may drop. */
    private void sendSkipping(AVPacket p, int toIdr, FrameLoop loop) throws MediaRejectedException {
        // Reorder window: frames sent later may still come out earlier (has_b_frames).
        SkipNumbering.Mode mode =
                loop.numbering.beforeSend(p.pts(), p.pts() != AV_NOPTS_VALUE(), codec.has_b_frames() + 2, toIdr);
        codec.skip_frame(
                switch (mode) {
                    case FULL -> AVDISCARD_DEFAULT;
                    case DROP_NONREF -> AVDISCARD_NONREF;
                    case DROP_ALL_BUT_IDR -> AVDISCARD_NONKEY;
                });
        int s = avcodec_send_packet(codec, p);
        if (s < 0) throw new SkipNumbering.Fallback("a damaged packet: " + Native.error(s));
        loop.drain();
    }

    /** Receives decoded frames, numbers them and enforces the frame, size and time limits. */
    private final class FrameLoop {
        final AVFrame frame;
        final RgbConverter rgb;
        final VideoFrameSink sink;
        final SkipNumbering numbering; // null: every frame is decoded and numbered as it comes out
        long frames;

        FrameLoop(AVFrame frame, RgbConverter rgb, VideoFrameSink sink, SkipNumbering numbering) {
            this.frame = frame;
            this.rgb = rgb;
            this.sink = sink;
            this.numbering = numbering;
        }

        void drain() throws MediaRejectedException {
            while (avcodec_receive_frame(codec, frame) >= 0) {
                try {
                    accept();
                } finally {
                    av_frame_unref(frame);
                }
            }
        }

        private void accept() throws MediaRejectedException {
            long n = numbering == null ? frames : numbering.output(frame.pts(), frame.pts() != AV_NOPTS_VALUE());
            frames = n + 1;
            if (frames > limits.maxFrames()) throw tooLong("has more than " + limits.maxFrames() + " frames");
            long ts = frame.best_effort_timestamp();
            double pts = ts == AV_NOPTS_VALUE() ? n / info.frameRate() : ts * timeBase;
            if (pts > limits.maxSeconds() || n / info.frameRate() > limits.maxSeconds())
                throw tooLong("runs past " + seconds(limits.maxSeconds()) + " (frame " + n + ")");
            checkPixels(frame.width(), frame.height());
            if (sink.wants(n)) sink.accept(rgb.convert(frame, n, pts));
        }
    }

    private void checkPixels(int w, int h) throws MediaRejectedException {
        if ((long) w * h > limits.maxFramePixels()) {
            throw reject(
                    RejectionCode.TOO_MANY_PIXELS,
                    file,
                    "frame " + w + "x" + h + " exceeds the limit of " + limits.maxFramePixels() + " pixels");
        }
    }

    private MediaRejectedException tooLong(String what) {
        return reject(
                RejectionCode.TOO_LONG,
                file,
                "video " + what + ", over the limit of " + seconds(limits.maxSeconds()) + " / " + limits.maxFrames()
                        + " frames");
    }

    static MediaRejectedException reject(RejectionCode code, Path file, String message) {
        return new MediaRejectedException(code, file + ": " + message);
    }

    private static String seconds(double s) {
        return String.format(java.util.Locale.ROOT, "%.1f s", s);
    }

    private static double rate(AVRational r) {
        return r == null || r.den() == 0 ? 0 : r.num() / (double) r.den();
    }

    @Override
    public void close() {
        if (codec != null) avcodec_free_context(codec);
        avformat_close_input(format);
    }
}
