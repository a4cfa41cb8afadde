package org.pramaan.media;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.pramaan.media.container.Bytes;
import org.pramaan.media.container.RiffChunks;

/** Durations and structure checks for WAV, MP3, FLAC and Ogg. */
final class AudioProbes {
    private AudioProbes() {}

    static MediaInfo probe(MediaType type, MediaSource src) throws IOException, MediaRejectedException {
        Optional<Duration> d = switch (type) {
            case WAV -> Optional.of(wav(src));
            case MP3 -> mp3(src);
            case FLAC -> flac(src);
            case OGG -> ogg(src);
            default -> throw new IllegalArgumentException(type + " is not audio handled here");
        };
        return new MediaInfo(type, src.size(), Optional.empty(), d);
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    /** RIFF WAVE: the fmt chunk gives the byte rate, the data chunk's size the length. */
    static Duration wav(MediaSource src) throws IOException, MediaRejectedException {
        RiffChunks.Result r = RiffChunks.walk(src);
        if (!r.problem().isEmpty()) throw Refusal.fromWalk(MediaType.WAV, r.problem());
        RiffChunks.Chunk fmt = r.chunks().stream()
                .filter(c -> c.id().equals("fmt "))
                .findFirst()
                .orElseThrow(() -> Refusal.corrupt("WAV has no 'fmt ' chunk"));
        RiffChunks.Chunk data = r.chunks().stream()
                .filter(c -> c.id().equals("data"))
                .findFirst()
                .orElseThrow(() -> Refusal.truncated("WAV has no 'data' chunk"));
        if (fmt.length() < 16)
            throw Refusal.corrupt("WAV 'fmt ' chunk is " + fmt.length() + " bytes, expected at least 16");
        long byteRate = Bytes.u32le(src.read(fmt.dataOffset(), 16), 8);
        if (byteRate == 0) throw Refusal.corrupt("WAV 'fmt ' chunk declares a byte rate of 0");
        return seconds((double) data.length() / byteRate);
    }

    private static final int[][]
            BITRATES = { // kbit/s by [version-layer row][index]; rows: V1L1, V1L2, V1L3, V2L1, V2L2/L3
        {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
        {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}
    };
    private static final int[] RATES = {44100, 48000, 32000};

    /** An MPEG audio frame header (ISO/IEC 11172-3 §2.4.2.3): length, sample rate, samples per frame. */
    record Frame(int length, int sampleRate, int samples, int bitrate, boolean mpeg1, boolean mono) {}

    static Optional<Frame> frame(byte[] h, int o) {
        if (h.length < o + 4 || (h[o] & 0xFF) != 0xFF || (h[o + 1] & 0xE0) != 0xE0) return Optional.empty();
        int version = (h[o + 1] >> 3) & 3,
                layer = (h[o + 1] >> 1) & 3,
                brIndex = (h[o + 2] >> 4) & 15,
                srIndex = (h[o + 2] >> 2) & 3;
        if (version == 1 || layer == 0 || brIndex == 0 || brIndex == 15 || srIndex == 3) return Optional.empty();
        boolean v1 = version == 3;
        int sr = RATES[srIndex] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
        int row = v1 ? 3 - layer : (layer == 3 ? 3 : 4);
        int br = BITRATES[row][brIndex] * 1000;
        int pad = (h[o + 2] >> 1) & 1;
        int samples = layer == 3 ? 384 : (layer == 2 || v1) ? 1152 : 576;
        int len = layer == 3 ? (12 * br / sr + pad) * 4 : samples / 8 * br / sr + pad;
        return len < 4
                ? Optional.empty()
                : Optional.of(new Frame(len, sr, samples, br, v1, ((h[o + 3] >> 6) & 3) == 3));
    }

    /** Sync is only trusted when the next frame header follows where the first says it ends. */
    static boolean mpegAudioAt(MediaSource src, long pos) throws IOException {
        byte[] h = src.readUpTo(pos, 4);
        Optional<Frame> f = frame(h, 0);
        if (f.isEmpty()) return false;
        long next = pos + f.get().length();
        return next == src.size() || frame(src.readUpTo(next, 4), 0).isPresent();
    }

    /** Skips an ID3v2 tag (syncsafe size), finds the first frame, reads a Xing/Info frame count or estimates CBR. */
    static Optional<Duration> mp3(MediaSource src) throws IOException, MediaRejectedException {
        long pos = 0;
        byte[] h = src.readUpTo(0, 10);
        if (Bytes.startsWith(h, 0, "ID3")) {
            if (h.length < 10) throw Refusal.truncated("MP3 ID3v2 tag header is cut short");
            long tag = ((h[6] & 0x7FL) << 21) | ((h[7] & 0x7FL) << 14) | ((h[8] & 0x7FL) << 7) | (h[9] & 0x7FL);
            pos = 10 + tag + ((h[5] & 0x10) != 0 ? 10 : 0);
            if (pos >= src.size())
                throw Refusal.truncated("MP3 ID3v2 tag declares " + tag + " bytes; no audio follows");
        }
        byte[] window = src.readUpTo(pos, 8192);
        int skip = 0;
        while (skip + 4 <= window.length && !(frame(window, skip).isPresent() && mpegAudioAt(src, pos + skip))) skip++;
        if (skip + 4 > window.length) throw Refusal.corrupt("MP3: no MPEG audio frame found after offset " + pos);
        long start = pos + skip;
        byte[] f = src.readUpTo(start, 200);
        Frame first = frame(f, 0).orElseThrow();
        int side = first.mpeg1() ? (first.mono() ? 17 : 32) : (first.mono() ? 9 : 17);
        if (f.length >= 4 + side + 12
                && (Bytes.startsWith(f, 4 + side, "Xing") || Bytes.startsWith(f, 4 + side, "Info"))
                && (Bytes.u32be(f, 8 + side) & 1) != 0) {
            long frames = Bytes.u32be(f, 12 + side);
            return Optional.of(seconds((double) frames * first.samples() / first.sampleRate()));
        }
        return Optional.of(seconds((src.size() - start) * 8.0 / first.bitrate()));
    }

    /** FLAC §8: metadata blocks, STREAMINFO first with sample rate (20 bits) and total samples (36 bits). */
    static Optional<Duration> flac(MediaSource src) throws IOException, MediaRejectedException {
        long pos = 4;
        Optional<Duration> duration = Optional.empty();
        for (int n = 0; ; n++) {
            if (n > 10_000) throw Refusal.corrupt("FLAC has more than 10000 metadata blocks");
            if (pos + 4 > src.size()) throw Refusal.truncated("FLAC ends inside its metadata at offset " + pos);
            byte[] bh = src.read(pos, 4);
            boolean last = (bh[0] & 0x80) != 0;
            int blockType = bh[0] & 0x7F;
            long len = Bytes.u24be(bh, 1);
            if (pos + 4 + len > src.size())
                throw Refusal.truncated("FLAC metadata block " + blockType + " at offset " + pos + " declares " + len
                        + " bytes but the file ends first");
            if (n == 0) {
                if (blockType != 0 || len != 34)
                    throw Refusal.corrupt("FLAC does not start with a 34-byte STREAMINFO block");
                byte[] si = src.read(pos + 4, 34);
                long rate = ((si[10] & 0xFFL) << 12) | ((si[11] & 0xFFL) << 4) | ((si[12] & 0xF0L) >> 4);
                long total = ((si[13] & 0x0FL) << 32) | Bytes.u32be(si, 14);
                if (rate == 0) throw Refusal.corrupt("FLAC STREAMINFO declares a sample rate of 0");
                if (total > 0) duration = Optional.of(seconds((double) total / rate));
            }
            pos += 4 + len;
            if (last) break;
        }
        if (pos >= src.size()) throw Refusal.truncated("FLAC has metadata but no audio frames");
        return duration;
    }

    /** Ogg (RFC 3533): the first packet names the codec; the last page's granule position gives the length. */
    static Optional<Duration> ogg(MediaSource src) throws IOException, MediaRejectedException {
        byte[] p = src.readUpTo(0, 27 + 255 + 64);
        if (p.length < 28) throw Refusal.truncated("Ogg page header is cut short");
        if (p[4] != 0) throw Refusal.corrupt("Ogg page version " + (p[4] & 0xFF) + " is not 0");
        int segments = p[26] & 0xFF;
        int body = 27 + segments;
        if (p.length < body + 19) throw Refusal.truncated("Ogg first page is cut short");
        long rate;
        long preSkip = 0;
        if (Bytes.startsWith(p, body, "\u0001vorbis")) rate = Bytes.u32le(p, body + 12);
        else if (Bytes.startsWith(p, body, "OpusHead")) {
            rate = 48_000;
            preSkip = Bytes.u16le(p, body + 10);
        } else return Optional.empty();
        if (rate == 0) throw Refusal.corrupt("Ogg stream declares a sample rate of 0");
        int tailLen = (int) Math.min(src.size(), 65_536);
        byte[] tail = src.read(src.size() - tailLen, tailLen);
        for (int i = tail.length - 4; i >= 0; i--) {
            if (!Bytes.startsWith(tail, i, "OggS")) continue;
            if (i + 27 > tail.length) throw Refusal.truncated("Ogg last page header is cut short");
            int segs = tail[i + 26] & 0xFF;
            if (i + 27 + segs > tail.length) throw Refusal.truncated("Ogg last page's segment table is cut short");
            long len = 0;
            for (int s = 0; s < segs; s++) len += tail[i + 27 + s] & 0xFF;
            if (i + 27 + segs + len > tail.length)
                throw Refusal.truncated("Ogg last page declares " + len + " bytes but the file ends first");
            long granule = Bytes.u64le(tail, i + 6);
            return granule < 0
                    ? Optional.empty()
                    : Optional.of(seconds((double) Math.max(0, granule - preSkip) / rate));
        }
        throw Refusal.truncated("Ogg: no page found at the end of the file");
    }
}
