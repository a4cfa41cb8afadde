package org.pramaan.provenance.c2pa;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.pramaan.testing.ExternalTools;

/**
 * Small unsigned media for the signing interop suites, made in the test: JPEG, PNG and WAV here; MP4,
 * WebP and MP3 by ffmpeg (skips without it unless CI=true). {@link #payloadOffset} finds a pixel or
 * sample byte by walking the container (never by searching text, which could land in the manifest).
 */
final class InteropMedia {
    private InteropMedia() {}

    static Path make(String ext, Path dir) throws IOException {
        Path out = dir.resolve("unsigned." + ext);
        switch (ext) {
            case "jpg" -> ImageIO.write(image(7), "jpeg", out.toFile());
            case "png" -> ImageIO.write(image(8), "png", out.toFile());
            case "wav" -> Files.write(out, wav(8000, 2000));
            case "mp4" ->
                ffmpeg(
                        dir,
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=size=64x48:rate=10",
                        "-t",
                        "1",
                        "-c:v",
                        "libx264",
                        "-pix_fmt",
                        "yuv420p",
                        out.toString());
            case "webp" ->
                ffmpeg(
                        dir,
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=size=64x48",
                        "-frames:v",
                        "1",
                        "-c:v",
                        "libwebp",
                        out.toString());
            case "mp3" ->
                ffmpeg(
                        dir,
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440:duration=1",
                        "-c:a",
                        "libmp3lame",
                        "-b:a",
                        "64k",
                        out.toString());
            default -> throw new IllegalArgumentException("no test media maker for ." + ext);
        }
        return out;
    }

    private static void ffmpeg(Path dir, String... args) {
        ExternalTools.require("ffmpeg", "ffmpeg");
        ExternalTools.ffmpeg(dir, args);
    }

    private static BufferedImage image(long seed) {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < 48; y++)
            for (int x = 0; x < 64; x++) img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | r.nextInt(256));
        return img;
    }

    /** 16-bit mono PCM (RIFF/WAVE): a 440 Hz tone. */
    static byte[] wav(int rate, int samples) {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * samples).put("WAVE".getBytes());
        b.put("fmt ".getBytes())
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(2 * rate)
                .putShort((short) 2)
                .putShort((short) 16);
        b.put("data".getBytes()).putInt(2 * samples);
        for (int i = 0; i < samples; i++) b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        return b.array();
    }

    /** A byte of pixels or samples, outside any metadata: the middle of the image/audio/video payload. */
    static int payloadOffset(String ext, byte[] b) {
        return switch (ext) {
            case "jpg" -> jpegScanByte(b);
            case "png" -> middle(b, 8, "IDAT", Layout.PNG);
            case "wav" -> middle(b, 12, "data", Layout.RIFF);
            case "webp" -> middle(b, 12, "VP8 ", Layout.RIFF);
            case "mp4" -> middle(b, 0, "mdat", Layout.BMFF);
            case "mp3" -> {
                int tag = 10 + ((b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F));
                yield tag + (b.length - tag) / 2;
            }
            default -> throw new IllegalArgumentException("no payload locator for ." + ext);
        };
    }

    /** PNG chunks: length, type, data, CRC. RIFF chunks: id, little-endian length, data, pad. BMFF boxes: size (incl. header), type. */
    private enum Layout {
        PNG,
        RIFF,
        BMFF
    }

    /** Walks the top-level chunks or boxes from {@code at} to the first whose id starts with {@code id}; returns the middle of its data. */
    private static int middle(byte[] b, int at, String id, Layout l) {
        while (at + 8 <= b.length) {
            ByteBuffer bb = ByteBuffer.wrap(b).order(l == Layout.RIFF ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            long len = Integer.toUnsignedLong(bb.getInt(l == Layout.RIFF ? at + 4 : at));
            String name =
                    new String(b, l == Layout.RIFF ? at : at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long data = l == Layout.BMFF ? len - 8 : len;
            if (name.startsWith(id)) return at + 8 + (int) (data / 2);
            if (l == Layout.BMFF && len < 8)
                throw new AssertionError("BMFF box '" + name + "' with size " + len + " before " + id);
            at += (int)
                    switch (l) {
                        case PNG -> 12 + len;
                        case RIFF -> 8 + len + (len & 1);
                        case BMFF -> len;
                    };
        }
        throw new AssertionError("no " + id + " chunk or box found");
    }

    /** Middle of the entropy-coded data after the last SOS, avoiding bytes next to 0xFF so no marker is made or broken. */
    private static int jpegScanByte(byte[] b) {
        int sos = -1;
        for (int i = 2; i + 1 < b.length; i++) if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xDA) sos = i;
        for (int i = (sos + b.length) / 2; i < b.length - 2; i++) {
            if ((b[i - 1] & 0xFF) != 0xFF && (b[i] & 0xFE) != 0xFE) return i;
        }
        throw new AssertionError("no JPEG scan byte found");
    }
}
