package org.pramaan.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;

/**
 * The video stream's packets read ahead up to the next H.264 IDR, so the skipping decode can tell
 * that every frame before it is unneeded. An IDR (H.264 §8.2.1, §C.4.4: no_output_of_prior_pics
 * / the DPB is emptied) is output after every frame sent before it and referenced by none sent
 * after, so frames ahead of it may all be dropped, reference frames included, without changing one
 * decoded frame after it. Only H.264 in avcC form (length-prefixed NAL units, MP4/MKV) is parsed;
 * other streams report no IDR and keep the non-reference rule.
 */
final class PacketLookahead implements AutoCloseable {
    private static final int MAX_AHEAD = 600;
    private final AVFormatContext format;
    private final int stream;
    private final int nalLengthSize; // 0: not H.264 avcC, IDRs are not looked for
    private final List<AVPacket> ahead = new ArrayList<>();
    private boolean eof;
    private int readError;

    PacketLookahead(AVFormatContext format, int stream) {
        this.format = format;
        this.stream = stream;
        AVCodecParameters par = format.streams(stream).codecpar();
        int size = 0;
        if (par.codec_id() == AV_CODEC_ID_H264
                && par.extradata_size() >= 7
                && par.extradata().get(0) == 1) size = (par.extradata().get(4) & 3) + 1;
        this.nalLengthSize = size;
    }

    /** The next packet of the stream (the caller frees it), or null at the end or on a read error. */
    AVPacket next() {
        if (ahead.isEmpty() && !fill(1)) return null;
        return ahead.remove(0);
    }

    /** A negative read result that ended the stream early, else 0. */
    int readError() {
        return readError;
    }

    /**
     * Where the next IDR is, counted in packets after the one {@link #next} returned last (0: it is
     * the very next packet), or -1 when none is within reach.
     */
    int nextIdr() {
        if (nalLengthSize == 0) return -1;
        for (int i = 0; ; i++) {
            if (i >= ahead.size() && !fill(i + 1)) return -1;
            if (isIdr(ahead.get(i))) return i;
        }
    }

    private boolean fill(int count) {
        while (ahead.size() < count) {
            if (eof || ahead.size() >= MAX_AHEAD) return false;
            AVPacket p = av_packet_alloc();
            int r = av_read_frame(format, p);
            if (r < 0) {
                av_packet_free(p);
                eof = true;
                if (r != AVERROR_EOF()) readError = r;
                return false;
            }
            if (p.stream_index() == stream) ahead.add(p);
            else av_packet_free(p);
        }
        return true;
    }

    private boolean isIdr(AVPacket p) {
        if ((p.flags() & AV_PKT_FLAG_KEY) == 0 || p.data() == null) return false;
        int size = p.size();
        long at = 0;
        while (at + nalLengthSize < size) {
            long len = 0;
            for (int b = 0; b < nalLengthSize; b++) len = (len << 8) | (p.data().get(at + b) & 0xff);
            at += nalLengthSize;
            if (len <= 0 || at + len > size) return false;
            if ((p.data().get(at) & 0x1f) == 5) return true;
            at += len;
        }
        return false;
    }

    @Override
    public void close() {
        for (AVPacket p : ahead) av_packet_free(p);
        ahead.clear();
    }
}
