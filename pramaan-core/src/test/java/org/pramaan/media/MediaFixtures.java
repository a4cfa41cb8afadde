package org.pramaan.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Minimal but structurally real files of every supported type, built in memory. */
final class MediaFixtures {
    private MediaFixtures() {}

    /** A growable byte buffer with the integer writers container formats need. */
    static final class Buf {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Buf ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Buf bytes(byte... b) {
            out.writeBytes(b);
            return this;
        }

        Buf bytes(int... b) {
            for (int x : b) out.write(x);
            return this;
        }

        Buf zeros(int n) {
            out.writeBytes(new byte[n]);
            return this;
        }

        Buf u16be(int v) {
            return bytes(v >> 8, v);
        }

        Buf u16le(int v) {
            return bytes(v, v >> 8);
        }

        Buf u32be(long v) {
            return bytes((int) (v >> 24), (int) (v >> 16), (int) (v >> 8), (int) v);
        }

        Buf u32le(long v) {
            return bytes((int) v, (int) (v >> 8), (int) (v >> 16), (int) (v >> 24));
        }

        Buf u64be(long v) {
            return u32be(v >>> 32).u32be(v);
        }

        Buf u64le(long v) {
            return u32le(v).u32le(v >>> 32);
        }

        byte[] get() {
            return out.toByteArray();
        }
    }

    static BufferedImage image(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, (x * 7 + y * 3) * 0x010203 & 0xFFFFFF);
        return img;
    }

    static byte[] encode(String format, int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image(w, h), format, out)) throw new IllegalStateException("no writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] jpeg() {
        return encode("jpeg", 40, 30);
    }

    static byte[] png() {
        return encode("png", 40, 30);
    }

    static byte[] gif() {
        return encode("gif", 40, 30);
    }

    static byte[] tiff() {
        return encode("tiff", 40, 30);
    }

    /** A PNG with only a signature and an IHDR, for header-limit tests. */
    static byte[] pngHeaderOnly(long w, long h) {
        byte[] ihdr =
                new Buf().ascii("IHDR").u32be(w).u32be(h).bytes(8, 2, 0, 0, 0).get();
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        return new Buf()
                .bytes(0x89, 'P', 'N', 'G', 13, 10, 26, 10)
                .u32be(13)
                .bytes(ihdr)
                .u32be(crc.getValue())
                .get();
    }

    static byte[] riff(String form, byte[]... chunks) {
        Buf body = new Buf().ascii(form);
        for (byte[] c : chunks) body.bytes(c);
        byte[] b = body.get();
        return new Buf().ascii("RIFF").u32le(b.length).bytes(b).get();
    }

    static byte[] chunk(String id, byte[] data) {
        Buf b = new Buf().ascii(id).u32le(data.length).bytes(data);
        if (data.length % 2 == 1) b.bytes(0);
        return b.get();
    }

    /** VP8L: signature 0x2F, then 14-bit width-1 and height-1. */
    static byte[] webp(int w, int h) {
        long bits = (w - 1) | ((long) (h - 1) << 14);
        return riff(
                "WEBP", chunk("VP8L", new Buf().bytes(0x2F).u32le(bits).zeros(7).get()));
    }

    static byte[] webpExtended(int w, int h) {
        byte[] vp8x = new Buf()
                .bytes(0, 0, 0, 0)
                .bytes(w - 1, (w - 1) >> 8, (w - 1) >> 16)
                .bytes(h - 1, (h - 1) >> 8, (h - 1) >> 16)
                .get();
        return riff(
                "WEBP",
                chunk("VP8X", vp8x),
                chunk(
                        "VP8L",
                        new Buf()
                                .bytes(0x2F)
                                .u32le((w - 1) | ((long) (h - 1) << 14))
                                .zeros(7)
                                .get()));
    }

    /** 8 kHz mono 16-bit PCM: 16,000 bytes per second. */
    static byte[] wav(double seconds) {
        byte[] fmt = new Buf()
                .u16le(1)
                .u16le(1)
                .u32le(8000)
                .u32le(16000)
                .u16le(2)
                .u16le(16)
                .get();
        return riff("WAVE", chunk("fmt ", fmt), chunk("data", new byte[(int) (16000 * seconds)]));
    }

    static byte[] box(String type, byte[]... children) {
        Buf body = new Buf();
        for (byte[] c : children) body.bytes(c);
        byte[] b = body.get();
        return new Buf().u32be(8 + b.length).ascii(type).bytes(b).get();
    }

    static byte[] fullBox(String type, int version, byte[] payload) {
        return box(type, new Buf().bytes(version, 0, 0, 0).bytes(payload).get());
    }

    static byte[] ftyp(String major, String... compatible) {
        Buf b = new Buf().ascii(major).u32be(0);
        for (String c : compatible) b.ascii(c);
        return box("ftyp", b.get());
    }

    static byte[] mvhd(long timescale, long duration) {
        return fullBox(
                "mvhd",
                0,
                new Buf()
                        .u32be(0)
                        .u32be(0)
                        .u32be(timescale)
                        .u32be(duration)
                        .zeros(80)
                        .get());
    }

    static byte[] tkhd(int w, int h) {
        return fullBox(
                "tkhd",
                0,
                new Buf()
                        .u32be(0)
                        .u32be(0)
                        .u32be(1)
                        .u32be(0)
                        .u32be(0)
                        .zeros(8)
                        .zeros(8)
                        .zeros(36)
                        .u32be((long) w << 16)
                        .u32be((long) h << 16)
                        .get());
    }

    static byte[] trak(String handler, int w, int h) {
        byte[] hdlr = fullBox(
                "hdlr", 0, new Buf().u32be(0).ascii(handler).zeros(12).bytes(0).get());
        return box("trak", tkhd(w, h), box("mdia", hdlr));
    }

    static byte[] mp4(String major, String handler, int w, int h, long timescale, long duration) {
        return new Buf()
                .bytes(ftyp(major, "isom"))
                .bytes(box("moov", mvhd(timescale, duration), trak(handler, w, h)))
                .bytes(box("mdat", new byte[64]))
                .get();
    }

    static byte[] heif(String brand, int w, int h) {
        byte[] ispe = fullBox("ispe", 0, new Buf().u32be(w).u32be(h).get());
        byte[] meta = fullBox("meta", 0, box("iprp", box("ipco", ispe)));
        return new Buf()
                .bytes(ftyp(brand, "mif1", brand))
                .bytes(meta)
                .bytes(box("mdat", new byte[16]))
                .get();
    }

    /** An EBML element with a 1-byte size field (payload < 127 bytes) or 8-byte size. */
    static byte[] ebml(long id, byte[] payload) {
        Buf b = new Buf();
        int idLen = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        for (int i = idLen - 1; i >= 0; i--) b.bytes((int) (id >> (8 * i)));
        if (payload.length < 127) b.bytes(0x80 | payload.length);
        else
            b.bytes(0x01)
                    .bytes(
                            0,
                            0,
                            0,
                            (payload.length >> 24) & 0xFF,
                            (payload.length >> 16) & 0xFF,
                            (payload.length >> 8) & 0xFF,
                            payload.length & 0xFF);
        return b.bytes(payload).get();
    }

    static byte[] concat(byte[]... parts) {
        Buf b = new Buf();
        for (byte[] p : parts) b.bytes(p);
        return b.get();
    }

    static byte[] matroska(String docType, int w, int h, double durationMs) {
        byte[] header = ebml(0x1A45DFA3L, ebml(0x4282, docType.getBytes(StandardCharsets.US_ASCII)));
        byte[] info = ebml(
                0x1549A966L,
                concat(
                        ebml(0x2AD7B1, new Buf().u32be(1_000_000).get()),
                        ebml(
                                0x4489,
                                new Buf()
                                        .u64be(Double.doubleToLongBits(durationMs))
                                        .get())));
        byte[] video = ebml(
                0xE0,
                concat(
                        ebml(0xB0, new Buf().u16be(w).get()),
                        ebml(0xBA, new Buf().u16be(h).get())));
        byte[] tracks = ebml(0x1654AE6BL, ebml(0xAE, concat(ebml(0xD7, new byte[] {1}), video)));
        byte[] cluster = ebml(0x1F43B675L, new byte[32]);
        return concat(header, ebml(0x18538067L, concat(info, tracks, cluster)));
    }

    /** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames. */
    static byte[] mp3(int frames, boolean id3) {
        Buf b = new Buf();
        if (id3) b.ascii("ID3").bytes(4, 0, 0, 0, 0, 0, 20).zeros(20);
        for (int i = 0; i < frames; i++) b.bytes(0xFF, 0xFB, 0x90, 0x00).zeros(413);
        return b.get();
    }

    /** STREAMINFO at 44.1 kHz with {@code samples} total samples, then a little "audio". */
    static byte[] flac(long samples) {
        long rate = 44100;
        byte[] si = new Buf()
                .u16be(4096)
                .u16be(4096)
                .bytes(0, 0, 0, 0, 0, 0)
                .bytes((int) (rate >> 12), (int) (rate >> 4), (int) ((rate & 0xF) << 4) | (1 << 1), (int)
                        (0xF0 | (samples >> 32) & 0x0F))
                .u32be(samples)
                .zeros(16)
                .get();
        return new Buf()
                .ascii("fLaC")
                .bytes(0x80, 0, 0, 34)
                .bytes(si)
                .bytes(0xFF, 0xF8, 0x69, 0x08, 0, 0)
                .get();
    }

    static byte[] oggPage(int headerType, long granule, int seq, byte[] body) {
        return new Buf()
                .ascii("OggS")
                .bytes(0, headerType)
                .u64le(granule)
                .u32le(1)
                .u32le(seq)
                .u32le(0)
                .bytes(1, body.length)
                .bytes(body)
                .get();
    }

    static byte[] oggVorbis(int rate, long lastGranule) {
        byte[] id = new Buf()
                .bytes(1)
                .ascii("vorbis")
                .u32le(0)
                .bytes(1)
                .u32le(rate)
                .zeros(13)
                .get();
        return concat(oggPage(2, 0, 0, id), oggPage(4, lastGranule, 1, new byte[40]));
    }
}
