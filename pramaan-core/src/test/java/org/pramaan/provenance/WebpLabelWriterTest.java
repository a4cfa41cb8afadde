package org.pramaan.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.RiffChunkWriter;
import org.pramaan.media.container.RiffChunks;
import org.pramaan.media.image.ImageDecoder;
import org.pramaan.testing.ExternalTools;

/**
 * Implicit labels in WebP (issue 14): XMP in an {@code XMP } chunk with the VP8X XMP flag, simple files
 * converted to the extended format (RFC 9649 §2.7), read back by our metadata reader, the picture still
 * decoded by our decoder and by ffmpeg; hostile RIFF structures refused naming the chunk.
 */
class WebpLabelWriterTest {
    private static final Aigc LABEL = new Aigc("1", "Producer", "gen_1", "", "", "", "");

    @TempDir
    Path dir;

    private byte[] webp(String name, boolean alpha, String... codec) throws Exception {
        BufferedImage img = new BufferedImage(96, 64, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 96; x++)
                img.setRGB(x, y, (alpha ? (x * 2 + 40) << 24 : 0xFF000000) | (x * 2) << 16 | (y * 3) << 8 | 0x40);
        Path png = dir.resolve(name + ".png");
        ImageIO.write(img, "png", png.toFile());
        ExternalTools.require("ffmpeg", "ffmpeg");
        String[] args = new String[codec.length + 4];
        args[0] = "-i";
        args[1] = png.toString();
        System.arraycopy(codec, 0, args, 2, codec.length);
        args[codec.length + 2] = "-frames:v";
        args[codec.length + 3] = "1";
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = dir.resolve(name + ".webp").toString();
        ExternalTools.ffmpeg(dir, all);
        return Files.readAllBytes(dir.resolve(name + ".webp"));
    }

    private static List<String> ids(byte[] b) throws Exception {
        return RiffChunks.walk(MediaSource.of(b)).chunks().stream()
                .map(RiffChunks.Chunk::id)
                .toList();
    }

    private static int vp8xFlags(byte[] b) throws Exception {
        RiffChunks.Chunk x = RiffChunks.walk(MediaSource.of(b)).chunks().get(0);
        assertThat(x.id()).isEqualTo("VP8X");
        return b[(int) x.dataOffset()] & 0xFF;
    }

    private static BufferedImage ours(byte[] b) throws Exception {
        MediaSource src = MediaSource.of(b);
        MediaInfo info = MediaProber.standard().probe(src, MediaLimits.defaults());
        return ImageDecoder.decodeFull(src, info);
    }

    private BufferedImage ffmpegDecode(byte[] b, String name) throws Exception {
        Path in = Files.write(dir.resolve(name + "-labelled.webp"), b);
        Path out = dir.resolve(name + "-decoded.png");
        ExternalTools.ffmpeg(dir, "-i", in.toString(), out.toString());
        return ImageIO.read(out.toFile());
    }

    private static int[] argb(BufferedImage i) {
        return i.getRGB(0, 0, i.getWidth(), i.getHeight(), null, 0, i.getWidth());
    }

    @Test
    void simpleLossyLosslessAndAlphaWebpsGetVp8xAndOneXmpChunkAndStillDecodeTheSame() throws Exception {
        record Case(String name, boolean alpha, String[] codec, int flagsWanted) {}
        List<Case> cases = List.of(
                new Case("lossy", false, new String[] {"-c:v", "libwebp", "-lossless", "0"}, 0),
                new Case("lossless", false, new String[] {"-c:v", "libwebp", "-lossless", "1"}, 0),
                new Case("lossy-alpha", true, new String[] {"-c:v", "libwebp", "-lossless", "0"}, 0x10),
                new Case("lossless-alpha", true, new String[] {"-c:v", "libwebp", "-lossless", "1"}, 0x10));
        for (Case c : cases) {
            byte[] in = webp(c.name(), c.alpha(), c.codec());
            byte[] out = MetadataWriter.write(in, Optional.of("trainedAlgorithmicMedia"), Optional.of(LABEL));

            List<String> ids = ids(out);
            assertThat(ids)
                    .as(c.name())
                    .startsWith("VP8X")
                    .containsOnlyOnce("XMP ")
                    .endsWith("XMP ");
            assertThat(vp8xFlags(out) & 0x04).as(c.name() + " XMP flag").isEqualTo(0x04);
            assertThat(vp8xFlags(out) & c.flagsWanted())
                    .as(c.name() + " alpha flag")
                    .isEqualTo(c.flagsWanted());
            // VP8X canvas (24-bit width-1, height-1 at bytes 4 and 7 of its data) is the picture's size.
            RiffChunks.Chunk x = RiffChunks.walk(MediaSource.of(out)).chunks().get(0);
            int o = (int) x.dataOffset();
            assertThat((out[o + 4] & 0xFF | (out[o + 5] & 0xFF) << 8) + 1).isEqualTo(96);
            assertThat((out[o + 7] & 0xFF | (out[o + 8] & 0xFF) << 8) + 1).isEqualTo(64);
            assertThat(RiffChunks.walk(MediaSource.of(out)).riffEnd()).isEqualTo(out.length);

            MetadataLabels.Found found = MetadataLabels.read(out);
            assertThat(found.format()).isEqualTo("WEBP");
            assertThat(found.digitalSourceTypes()).as(c.name()).hasSize(1);
            assertThat(found.digitalSourceTypes().get(0).value()).endsWith("/trainedAlgorithmicMedia");
            assertThat(found.aigc()).as(c.name()).hasSize(1);
            assertThat(found.aigc().get(0).attributes()).containsEntry("ProduceID", "gen_1");

            // The image chunks are copied byte for byte: both decoders give the input's pixels.
            assertThat(argb(ours(out))).as(c.name() + " our decoder").isEqualTo(argb(ours(in)));
            BufferedImage ff = ffmpegDecode(out, c.name());
            assertThat(argb(ff)).as(c.name() + " ffmpeg").isEqualTo(argb(ffmpegDecode(in, c.name() + "-in")));
        }
    }

    @Test
    void writingAgainReplacesTheLabelAndKeepsOtherXmpProperties() throws Exception {
        byte[] in = webp("again", false, "-c:v", "libwebp", "-lossless", "0");
        byte[] first = MetadataWriter.write(in, Optional.of("trainedAlgorithmicMedia"), Optional.of(LABEL));
        byte[] second = MetadataWriter.write(
                first,
                Optional.of("compositeWithTrainedAlgorithmicMedia"),
                Optional.of(new Aigc("2", "Other", "gen_2", "", "", "", "")));
        assertThat(ids(second)).containsOnlyOnce("XMP ").containsOnlyOnce("VP8X");
        MetadataLabels.Found found = MetadataLabels.read(second);
        assertThat(found.digitalSourceTypes()).hasSize(1);
        assertThat(found.digitalSourceTypes().get(0).value()).endsWith("/compositeWithTrainedAlgorithmicMedia");
        assertThat(found.aigc()).hasSize(1);
        assertThat(found.aigc().get(0).attributes()).containsEntry("ProduceID", "gen_2");
    }

    @Test
    void theXmpChunkGoesBeforeUnknownChunksSuchAsC2paAndAStrayAigcChunkGoes() throws Exception {
        byte[] in = webp("order", false, "-c:v", "libwebp", "-lossless", "1");
        byte[] extended = org.pramaan.media.container.WebpExtended.ensure(in, 0);
        byte[] withAigc = RiffChunkWriter.replace(
                        extended, c -> false, "AIGC", "{\"Label\":\"3\"}".getBytes(StandardCharsets.UTF_8))
                .bytes();
        byte[] withC2pa = RiffChunkWriter.replace(withAigc, c -> false, "C2PA", new byte[] {1, 2, 3})
                .bytes();
        byte[] out = MetadataWriter.write(withC2pa, Optional.of("trainedAlgorithmicMedia"), Optional.of(LABEL));
        assertThat(ids(out)).containsExactly("VP8X", "VP8L", "XMP ", "C2PA");
        assertThat(MetadataLabels.read(out).aigc()).hasSize(1);
    }

    /** A WebP assembled from chunks with whatever sizes a test wants. */
    private static byte[] riff(long riffSize, byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) body.writeBytes(c);
        byte[] b = body.toByteArray();
        long size = riffSize < 0 ? b.length : riffSize;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(size));
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] chunk(String id, long declared, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(declared));
        out.writeBytes(data);
        if ((data.length & 1) == 1) out.write(0);
        return out.toByteArray();
    }

    private static byte[] le(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static byte[] vp8() {
        byte[] v = new byte[30];
        v[3] = (byte) 0x9D;
        v[4] = 0x01;
        v[5] = 0x2A;
        v[6] = 24;
        v[8] = 16;
        return v;
    }

    @Test
    void hostileRiffStructuresAreRefusedNamingTheChunkAndTheSize() {
        Optional<String> dst = Optional.of("trainedAlgorithmicMedia");
        byte[] vp8 = vp8();
        // The RIFF header says the form ends inside the VP8 chunk.
        byte[] shortRiff = riff(20, chunk("VP8 ", vp8.length, vp8));
        // A chunk declaring more bytes than the file has.
        byte[] pastEnd = riff(-1, chunk("VP8 ", vp8.length, vp8), chunk("EXIF", 0xFFFF_FFF0L, new byte[8]));
        // The RIFF header declares far more than the file holds.
        byte[] riffTooBig = riff(0x7FFF_FFFFL, chunk("VP8 ", vp8.length, vp8));
        // An animation frame whose nested chunk claims 4 GiB.
        byte[] anmfData = new byte[16 + 8 + 4];
        System.arraycopy("VP8 ".getBytes(StandardCharsets.US_ASCII), 0, anmfData, 16, 4);
        System.arraycopy(le(0xFFFF_FFFFL), 0, anmfData, 20, 4);
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x02;
        byte[] nestedHuge = riff(-1, chunk("VP8X", 10, vp8x), chunk("ANMF", anmfData.length, anmfData));
        byte[] anmfShort = riff(-1, chunk("VP8X", 10, vp8x), chunk("ANMF", 6, new byte[6]));
        byte[] noImageFirst = riff(-1, chunk("EXIF", 4, new byte[4]), chunk("VP8 ", vp8.length, vp8));
        byte[] empty = riff(4);

        record Bad(String what, byte[] file, String message) {}
        List<Bad> bad = List.of(
                new Bad(
                        "RIFF size short",
                        shortRiff,
                        "chunk 'VP8 ' at offset 12 declares 30 bytes, ending at 50, past"),
                new Bad("chunk past end", pastEnd, "chunk 'EXIF' at offset 50 declares 4294967280 bytes but the file"),
                new Bad("RIFF size too big", riffTooBig, "the RIFF header declares 2147483655 bytes but the file has"),
                new Bad("nested huge", nestedHuge, "chunk 'VP8 ' at offset 54 inside the ANMF frame at offset 30"),
                new Bad("ANMF short", anmfShort, "the ANMF frame at offset 30 is 6 bytes; its header alone needs 16"),
                new Bad("EXIF first", noImageFirst, "WebP starts with chunk 'EXIF', not VP8/VP8L/VP8X"),
                new Bad("no chunks", empty, "too few for any chunk"));
        for (Bad b : bad) {
            assertThatThrownBy(() -> MetadataWriter.write(b.file(), dst, Optional.of(LABEL)))
                    .as(b.what())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(b.message());
        }
    }

    @Test
    void anXmpChunkTooLargeToEditIsRefusedNotOverwritten() {
        byte[] vp8x = new byte[10];
        vp8x[4] = 23;
        vp8x[7] = 15;
        byte[] huge = new byte[MetadataBlocks.MAX_BLOCK + 2];
        byte[] vp8 = vp8();
        byte[] f = riff(-1, chunk("VP8X", 10, vp8x), chunk("VP8 ", vp8.length, vp8), chunk("XMP ", huge.length, huge));
        assertThatThrownBy(() -> MetadataWriter.write(f, Optional.of("trainedAlgorithmicMedia"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XMP chunk at offset 68 is " + huge.length + " bytes");
    }
}
