package org.pramaan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.cli.CliWriters.pramaan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.labels.MetadataLabels;

/** {@code pramaan label apply}: the labelled file lands whole, or nothing lands at all. */
class LabelCommandTest {
    @TempDir
    Path dir;

    @Test
    void labelsAJpegWithTheChosenProfileLanguageAndPosition() throws Exception {
        Path in = Files.write(dir.resolve("in.jpg"), jpeg(640, 480));
        Path out = dir.resolve("out.jpg");
        CliWriters.Run r = pramaan(
                "label",
                "apply",
                "--profile",
                "IN",
                "--lang",
                "hi",
                "--position",
                "bottom-right",
                in.toString(),
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("labelled JPEG for IN: text ")
                .contains("(minimum 24)")
                .contains("-> " + out);
        BufferedImage a = ImageIO.read(in.toFile());
        BufferedImage b = ImageIO.read(out.toFile());
        assertThat(b.getWidth()).isEqualTo(640);
        // The label is in the bottom-right quarter: the top-left quarter is only re-encoded.
        assertThat(maxDiff(a, b, 0, 0, 320, 240)).isLessThan(40);
        assertThat(maxDiff(a, b, 320, 240, 320, 240)).isGreaterThan(100);
        assertThat(MetadataLabels.read(Files.readAllBytes(out)).digitalSourceTypes())
                .hasSize(1);
    }

    @Test
    void anOperatorsProfileFileIsReadAndItsErrorsNamed() throws Exception {
        Path in = Files.write(dir.resolve("in.txt"), "generated words".getBytes(StandardCharsets.UTF_8));
        String cn;
        try (var s = MetadataLabels.class.getResourceAsStream("/labels/profiles/CN.json")) {
            cn = new String(s.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path mine = Files.writeString(
                dir.resolve("mine.json"), cn.replace("\"placement\": \"start\"", "\"placement\": \"end\""));
        CliWriters.Run ok = pramaan(
                "label",
                "apply",
                "--profile",
                mine.toString(),
                "--lang",
                "en",
                in.toString(),
                dir.resolve("out.txt").toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("generated words\n[AI-generated]\n");
        Path bad = Files.writeString(
                dir.resolve("bad.json"), cn.replace("\"minTextHeight\": 0.05", "\"minTextHeight\": 5"));
        CliWriters.Run r = pramaan(
                "label",
                "apply",
                "--profile",
                bad.toString(),
                in.toString(),
                dir.resolve("o2.txt").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ": image.minTextHeight must be between 0.01 and 0.5, got 5.0");
        assertThat(dir.resolve("o2.txt")).doesNotExist();
    }

    @Test
    void hostileInputsAreRefusedAndLeaveNoOutputFile() throws Exception {
        byte[] jpg = jpeg(400, 300);
        Object[][] cases = {
            {Arrays.copyOf(jpg, jpg.length / 2), "file: "},
            {new byte[0], "(empty)"},
            {"   \n".getBytes(StandardCharsets.UTF_8), "text: the content to label is empty"},
            {new byte[] {1, 2, 3, 0, 5}, "not a JPEG, PNG, 16-bit WAV or UTF-8 text file"},
            {hugePngHeader(), "pixels"},
        };
        for (Object[] c : cases) {
            Path in = Files.write(dir.resolve("in.bin"), (byte[]) c[0]);
            Path out = dir.resolve("out.bin");
            CliWriters.Run r = pramaan("label", "apply", "--profile", "CN", in.toString(), out.toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("pramaan label apply: ").contains((String) c[1]);
            assertThat(out).doesNotExist();
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".pramaan-"));
            }
        }
        Path in = Files.write(dir.resolve("in.jpg"), jpg);
        CliWriters.Run lang = pramaan(
                "label",
                "apply",
                "--profile",
                "CN",
                "--lang",
                "xx",
                in.toString(),
                dir.resolve("o.jpg").toString());
        assertThat(lang.err()).contains("profile CN has no label text in 'xx'; it has");
        CliWriters.Run pos = pramaan(
                "label",
                "apply",
                "--profile",
                "CN",
                "--position",
                "centre",
                in.toString(),
                dir.resolve("o.jpg").toString());
        assertThat(pos.err()).contains("position must be one of [top-left, top, top-right");
        CliWriters.Run prof = pramaan(
                "label",
                "apply",
                "--profile",
                "XX",
                in.toString(),
                dir.resolve("o.jpg").toString());
        assertThat(prof.err()).contains("'XX' is neither a bundled profile [CN, IN, EU, US] nor a file");
        assertThat(dir.resolve("o.jpg")).doesNotExist();
    }

    static byte[] hugePngHeader() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        byte[] ihdr = java.nio.ByteBuffer.allocate(17)
                .put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(90_000)
                .putInt(90_000)
                .put(new byte[] {8, 2, 0, 0, 0})
                .array();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr);
        o.write(ihdr);
        o.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return o.toByteArray();
    }

    static byte[] jpeg(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) img.setRGB(x, y, (x % 256) << 16 | (y % 256) << 8 | 120);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", b);
        assertThat(ImageIO.read(new ByteArrayInputStream(b.toByteArray()))).isNotNull();
        return b.toByteArray();
    }

    private static int maxDiff(BufferedImage a, BufferedImage b, int x0, int y0, int w, int h) {
        int max = 0;
        for (int y = y0; y < y0 + h; y++)
            for (int x = x0; x < x0 + w; x++)
                for (int s = 0; s <= 16; s += 8)
                    max = Math.max(max, Math.abs(((a.getRGB(x, y) >> s) & 0xFF) - ((b.getRGB(x, y) >> s) & 0xFF)));
        return max;
    }
}
