package org.pramaan.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Small, structurally valid media files built in memory for container-writer and signing tests. */
public final class TinyMedia {
    private TinyMedia() {}

    public static byte[] jpeg() {
        return image("jpeg");
    }

    public static byte[] png() {
        return image("png");
    }

    private static byte[] image(String format) {
        BufferedImage img = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++)
            for (int x = 0; x < 24; x++) img.setRGB(x, y, (x * 10) << 16 | (y * 15) << 8 | 0x40);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** 8 kHz mono 16-bit PCM with a ramp, plus an odd-length LIST chunk (exercises RIFF padding). */
    public static byte[] wav() {
        byte[] fmt = {1, 0, 1, 0, 0x40, 0x1F, 0, 0, (byte) 0x80, 0x3E, 0, 0, 2, 0, 16, 0};
        byte[] pcm = new byte[800];
        for (int i = 0; i < pcm.length; i++) pcm[i] = (byte) (i * 7);
        return riff(
                "WAVE",
                chunk("fmt ", fmt),
                chunk("data", pcm),
                chunk("LIST", "INFOx".getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** A simple-format lossy WebP: VP8 key-frame header (RFC 6386 §9.1) for 24×16, then filler. */
    public static byte[] webp() {
        byte[] vp8 = new byte[40];
        vp8[3] = (byte) 0x9D;
        vp8[4] = 0x01;
        vp8[5] = 0x2A;
        vp8[6] = 24;
        vp8[8] = 16;
        for (int i = 10; i < vp8.length; i++) vp8[i] = (byte) (i * 3);
        return riff("WEBP", chunk("VP8 ", vp8));
    }

    /** MPEG-1 Layer III frames (417 bytes each, 128 kbit/s 44.1 kHz) with an ID3v2.3 tag holding a TIT2 frame. */
    public static byte[] mp3() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] tit2 = {'T', 'I', 'T', '2', 0, 0, 0, 5, 0, 0, 0, 'T', 'i', 'n', 'y'};
        b.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, (byte) tit2.length});
        b.writeBytes(tit2);
        for (int f = 0; f < 4; f++) {
            b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0});
            for (int i = 0; i < 413; i++) b.write(f * 31 + i);
        }
        return b.toByteArray();
    }

    /** ftyp, moov with one track whose stco points at two chunks inside mdat, then mdat. */
    public static byte[] mp4() {
        byte[] ftyp = box(
                "ftyp",
                "isom".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {0, 0, 2, 0},
                "isommp41".getBytes(StandardCharsets.ISO_8859_1));
        int moovSize = 8 + 8 + 8 + 8 + 8 + (8 + 4 + 4 + 8);
        long mdatPayload = ftyp.length + moovSize + 8;
        byte[] stco = box("stco", new byte[4], u32(2), u32(mdatPayload), u32(mdatPayload + 32));
        byte[] moov = box("moov", box("trak", box("mdia", box("minf", box("stbl", stco)))));
        if (moov.length != moovSize) throw new IllegalStateException("moov size " + moov.length);
        byte[] media = new byte[64];
        for (int i = 0; i < media.length; i++) media[i] = (byte) (i * 5 + 1);
        return concat(ftyp, moov, box("mdat", media));
    }

    public static byte[] riff(String form, byte[]... chunks) {
        byte[] body = concat(form.getBytes(StandardCharsets.ISO_8859_1), concat(chunks));
        return concat("RIFF".getBytes(StandardCharsets.ISO_8859_1), le32(body.length), body);
    }

    public static byte[] chunk(String id, byte[] data) {
        return concat(id.getBytes(StandardCharsets.ISO_8859_1), le32(data.length), data, new byte[data.length & 1]);
    }

    public static byte[] box(String type, byte[]... parts) {
        byte[] body = concat(parts);
        return concat(u32(8 + body.length), type.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    public static byte[] u32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
