package org.pramaan.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.pramaan.media.decode.VideoFrame;

/**
 * Decoded frame → packed RGB24 with one {@code sws_scale} call and {@code SWS_AREA}, at the frame's
 * own size or frameSide × frameSide, as vpdq-hash-video does. The context is rebuilt when a stream
 * changes size or pixel format mid-way (allowed in H.264 and MPEG-TS).
 */
final class RgbConverter implements AutoCloseable {
    private final int side;
    private SwsContext sws;
    private int inW, inH, inFormat = -1, outW, outH;
    private BytePointer out;
    private final PointerPointer<BytePointer> outPlanes = new PointerPointer<>(4);
    private final IntPointer outStrides = new IntPointer(4);

    RgbConverter(int side) {
        this.side = side;
    }

    VideoFrame convert(AVFrame frame, long number, double pts) {
        ensure(frame.width(), frame.height(), frame.format());
        sws_scale(sws, frame.data(), frame.linesize(), 0, inH, outPlanes, outStrides);
        byte[] rgb = new byte[outW * outH * 3];
        out.position(0).get(rgb);
        return new VideoFrame(number, pts, outW, outH, rgb);
    }

    private void ensure(int w, int h, int format) {
        if (sws != null && w == inW && h == inH && format == inFormat) return;
        release();
        inW = w;
        inH = h;
        inFormat = format;
        outW = side > 0 ? side : w;
        outH = side > 0 ? side : h;
        sws = sws_getContext(w, h, format, outW, outH, AV_PIX_FMT_RGB24, SWS_AREA, null, null, (double[]) null);
        if (sws == null || sws.isNull())
            throw new IllegalStateException("swscale cannot convert pixel format " + format + " at " + w + "x" + h);
        // Padding past the last row: swscale's SIMD writers may touch a few bytes beyond it.
        out = new BytePointer(av_malloc((long) outW * outH * 3 + 64));
        outPlanes.put(0, out);
        outStrides.put(0, outW * 3);
    }

    private void release() {
        if (sws != null) sws_freeContext(sws);
        if (out != null) av_free(out);
        sws = null;
        out = null;
    }

    @Override
    public void close() {
        release();
        outPlanes.close();
        outStrides.close();
    }
}
