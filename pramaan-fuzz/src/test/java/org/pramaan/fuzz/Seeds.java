package org.pramaan.fuzz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small valid inputs for the seed corpora, made in code (a few KB each: libFuzzer mutates small
 * inputs far faster). Where ../shared/testdata is present, a few of its small files are added.
 */
public final class Seeds {
    private Seeds() {}

    public static final String XMP = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:dcterms="http://purl.org/dc/terms/" xmlns:tc="http://www.tc260.org.cn/ns/AIGC/1.0/"
             Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
             tc:AIGC="{&quot;Label&quot;:&quot;1&quot;}">
            <dcterms:provenance>https://example.org/m.c2pa</dcterms:provenance>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">made by a model</rdf:li></rdf:Alt></dc:description>
            <Iptc4xmpExt:DigitalSourceType rdf:resource="http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia"/>
            </rdf:Description></rdf:RDF></x:xmpmeta>""";

    public static BufferedImage picture(int w, int h, int type, long seed) {
        BufferedImage img = new BufferedImage(w, h, type);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                img.setRGB(x, y, ((x * 7 + y * 3) & 0xFF) << 16 | ((x ^ y) & 0xFF) << 8 | r.nextInt(64) | 0xFF000000);
        return img;
    }

    public static byte[] jpeg(int w, int h, int type, boolean progressive) {
        try {
            ImageWriter wr = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = wr.getDefaultWriteParam();
            if (progressive) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                wr.setOutput(ios);
                wr.write(null, new IIOImage(picture(w, h, type, w * 31L + h), null, null), p);
            }
            wr.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] imageIo(String format, BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG with APP1 XMP, APP1 Exif and an APP11 JUMBF segment inserted after SOI. */
    public static byte[] jpegWithMetadata() {
        byte[] j = jpeg(24, 16, BufferedImage.TYPE_INT_RGB, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        segment(
                out,
                0xE1,
                concat(
                        "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                        XMP.getBytes(StandardCharsets.UTF_8)));
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiffTags()));
        byte[] jumb = minimalStore();
        segment(out, 0xEB, concat(new byte[] {'J', 'P', 0, 1, 0, 0, 0, 1}, jumb));
        out.write(j, 2, j.length - 2);
        return out.toByteArray();
    }

    static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
    }

    /** A PNG with tEXt, zTXt, iTXt (XMP), eXIf and caBX chunks before IEND. */
    public static byte[] pngWithMetadata() {
        byte[] png = imageIo("png", picture(20, 12, BufferedImage.TYPE_INT_RGB, 5));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, png.length - 12);
        pngChunk(out, "tEXt", "Software\0ComfyUI".getBytes(StandardCharsets.ISO_8859_1));
        pngChunk(
                out,
                "zTXt",
                concat(
                        "parameters\0\0".getBytes(StandardCharsets.ISO_8859_1),
                        deflate("Steps: 20, Sampler: Euler".getBytes(StandardCharsets.ISO_8859_1))));
        pngChunk(
                out,
                "iTXt",
                concat(
                        "XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
                        XMP.getBytes(StandardCharsets.UTF_8)));
        pngChunk(out, "eXIf", tiffTags());
        pngChunk(out, "caBX", minimalStore());
        out.write(png, png.length - 12, 12);
        return out.toByteArray();
    }

    public static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(be32(data.length));
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(be32((int) crc.getValue()));
    }

    public static byte[] deflate(byte[] b) {
        Deflater d = new Deflater();
        d.setInput(b);
        d.finish();
        byte[] buf = new byte[b.length + 64];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

    /** A little-endian TIFF with IFD0 Software/Artist and an Exif IFD holding a UNICODE UserComment. */
    public static byte[] tiffTags() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
        byte[] soft = "Stable Diffusion\0".getBytes(StandardCharsets.US_ASCII),
                artist = "Model\0".getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8,
                ifd0Size = 2 + 3 * 12 + 4,
                exifAt = ifd0 + ifd0Size,
                exifSize = 2 + 12 + 4,
                dataAt = exifAt + exifSize;
        byte[] comment =
                concat("UNICODE\0".getBytes(StandardCharsets.US_ASCII), "AI".getBytes(StandardCharsets.UTF_16LE));
        o.writeBytes(le16(3));
        entry(o, 0x0131, 2, soft.length, dataAt);
        entry(o, 0x013B, 2, artist.length, dataAt + soft.length);
        entry(o, 0x8769, 4, 1, exifAt);
        o.writeBytes(le32(0));
        o.writeBytes(le16(1));
        entry(o, 0x9286, 7, comment.length, dataAt + soft.length + artist.length);
        o.writeBytes(le32(0));
        o.writeBytes(soft);
        o.writeBytes(artist);
        o.writeBytes(comment);
        return o.toByteArray();
    }

    private static void entry(ByteArrayOutputStream o, int tag, int type, int count, int value) {
        o.writeBytes(le16(tag));
        o.writeBytes(le16(type));
        o.writeBytes(le32(count));
        o.writeBytes(le32(value));
    }

    /** RIFF/WAVE, PCM: {@code bits} per sample, {@code channels}, {@code frames} frames. */
    public static byte[] wav(int format, int bits, int channels, int frames) {
        int block = bits / 8 * channels, dataLen = block * frames;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        o.writeBytes(le32(4 + 8 + 16 + 8 + dataLen + 8 + 4));
        o.writeBytes("WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        o.writeBytes(le32(16));
        o.writeBytes(le16(format));
        o.writeBytes(le16(channels));
        o.writeBytes(le32(8000));
        o.writeBytes(le32(8000 * block));
        o.writeBytes(le16(block));
        o.writeBytes(le16(bits));
        o.writeBytes("data".getBytes(StandardCharsets.US_ASCII));
        o.writeBytes(le32(dataLen));
        Random r = new Random(bits * 7L + channels);
        for (int i = 0; i < dataLen; i++) o.write(r.nextInt(256));
        o.writeBytes("C2PA".getBytes(StandardCharsets.US_ASCII));
        o.writeBytes(le32(4));
        o.writeBytes(new byte[] {0, 0, 0, 0});
        return o.toByteArray();
    }

    /** ISO BMFF: ftyp, moov{mvhd, trak{tkhd, mdia{mdhd}}}, a C2PA uuid box, mdat. */
    public static byte[] bmff(String brand) {
        byte[] mvhd = box("mvhd", concat(new byte[4], new byte[8], be32(1000), be32(5000), new byte[80]));
        byte[] tkhd = box(
                "tkhd",
                concat(
                        new byte[] {0, 0, 0, 3},
                        new byte[8],
                        be32(1),
                        new byte[4],
                        be32(5000),
                        new byte[52],
                        be32(320 << 16),
                        be32(240 << 16)));
        byte[] mdhd = box("mdhd", concat(new byte[4], new byte[8], be32(8000), be32(40000), new byte[4]));
        byte[] moov = box("moov", concat(mvhd, box("trak", concat(tkhd, box("mdia", mdhd)))));
        byte[] uuid = box(
                "uuid",
                concat(
                        java.util.HexFormat.of().parseHex("d8fec3d61b0e483c92975828877ec481"),
                        new byte[4],
                        "manifest\0".getBytes(StandardCharsets.US_ASCII),
                        new byte[8],
                        minimalStore()));
        return concat(
                box(
                        "ftyp",
                        concat(
                                brand.getBytes(StandardCharsets.US_ASCII),
                                be32(0),
                                brand.getBytes(StandardCharsets.US_ASCII))),
                moov,
                uuid,
                box("mdat", new byte[64]));
    }

    public static byte[] box(String type, byte[] payload) {
        return concat(be32(payload.length + 8), type.getBytes(StandardCharsets.ISO_8859_1), payload);
    }

    /** ID3v2.3 with a TIT2 frame and a GEOB application/c2pa frame, then one MPEG-1 layer III frame header. */
    public static byte[] id3() {
        byte[] tit2 = id3Frame("TIT2", concat(new byte[] {0}, "a song".getBytes(StandardCharsets.ISO_8859_1)));
        byte[] geob = id3Frame(
                "GEOB",
                concat(
                        new byte[] {0},
                        "application/c2pa\0".getBytes(StandardCharsets.ISO_8859_1),
                        "m.c2pa\0d\0".getBytes(StandardCharsets.ISO_8859_1),
                        minimalStore()));
        byte[] frames = concat(tit2, geob, new byte[16]);
        int n = frames.length;
        byte[] head = {
            'I',
            'D',
            '3',
            3,
            0,
            0,
            (byte) ((n >> 21) & 0x7F),
            (byte) ((n >> 14) & 0x7F),
            (byte) ((n >> 7) & 0x7F),
            (byte) (n & 0x7F)
        };
        byte[] mpeg = new byte[417];
        mpeg[0] = (byte) 0xFF;
        mpeg[1] = (byte) 0xFB;
        mpeg[2] = (byte) 0x90;
        mpeg[3] = 0x64;
        return concat(head, frames, mpeg, mpeg);
    }

    private static byte[] id3Frame(String id, byte[] data) {
        return concat(id.getBytes(StandardCharsets.ISO_8859_1), be32(data.length), new byte[2], data);
    }

    /** A GIF from ImageIO with a C2PA_GIF application extension inserted after the colour table. */
    public static byte[] gif() {
        byte[] g = imageIo("gif", picture(16, 10, BufferedImage.TYPE_BYTE_INDEXED, 9));
        int packed = g[10] & 0xFF, at = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0);
        byte[] store = minimalStore();
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        ext.writeBytes(new byte[] {0x21, (byte) 0xFF, 11});
        ext.writeBytes("C2PA_GIF".getBytes(StandardCharsets.US_ASCII));
        ext.writeBytes(new byte[] {1, 0, 0});
        for (int i = 0; i < store.length; i += 255) {
            int n = Math.min(255, store.length - i);
            ext.write(n);
            ext.write(store, i, n);
        }
        ext.write(0);
        return concat(java.util.Arrays.copyOf(g, at), ext.toByteArray(), java.util.Arrays.copyOfRange(g, at, g.length));
    }

    /** A WebP from Debian's cwebp (the webp package), when it is installed. */
    public static Optional<byte[]> cwebp(int w, int h, String... opts) {
        try {
            Path dir = Files.createTempDirectory("fuzz-webp");
            Path png = dir.resolve("in.png"), webp = dir.resolve("out.webp");
            Files.write(png, imageIo("png", picture(w, h, BufferedImage.TYPE_INT_RGB, w + h)));
            List<String> cmd = new ArrayList<>(List.of("cwebp", "-quiet"));
            cmd.addAll(List.of(opts));
            cmd.addAll(List.of(png.toString(), "-o", webp.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            Optional<byte[]> out = p.waitFor() == 0 ? Optional.of(Files.readAllBytes(webp)) : Optional.empty();
            Files.deleteIfExists(png);
            Files.deleteIfExists(webp);
            Files.deleteIfExists(dir);
            return out;
        } catch (IOException e) {
            return Optional.empty(); // no cwebp here: the other seeds still cover the container
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A tiny JUMBF manifest store shape: jumb{jumd(c2pa, label), jumb{jumd(c2ma), jumb{jumd(cbor), cbor{}}}}. */
    public static byte[] minimalStore() {
        byte[] cbor = box("cbor", new byte[] {(byte) 0xA1, 0x63, 'a', 'l', 'g', 0x66, 's', 'h', 'a', '2', '5', '6'});
        byte[] assertion = box("jumb", concat(jumd("cbor", "c2pa.hash.data"), cbor));
        byte[] manifest = box(
                "jumb",
                concat(jumd("c2ma", "urn:uuid:0"), box("jumb", concat(jumd("c2as", "c2pa.assertions"), assertion))));
        return box("jumb", concat(jumd("c2pa", "c2pa"), manifest));
    }

    private static byte[] jumd(String code, String label) {
        byte[] uuid = concat(
                code.getBytes(StandardCharsets.US_ASCII),
                java.util.HexFormat.of().parseHex("0011001080000" + "0aa00389b71"));
        return box("jumd", concat(uuid, new byte[] {0x03}, (label + "\0").getBytes(StandardCharsets.UTF_8)));
    }

    /** Small files of ../shared/testdata (read through -Dpramaan.testdata, never copied), those that exist. */
    public static List<byte[]> shared(String... paths) {
        Path root = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"));
        List<byte[]> out = new ArrayList<>();
        for (String p : paths) {
            Path f = root.resolve(p);
            try {
                if (Files.isRegularFile(f) && Files.size(f) <= 64 * 1024) out.add(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    public static byte[] be32(int v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8)};
    }
}
