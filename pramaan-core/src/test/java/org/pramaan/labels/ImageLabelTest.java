package org.pramaan.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pramaan.provenance.Aigc;
import org.pramaan.provenance.c2pa.Action;
import org.pramaan.provenance.c2pa.C2paOutcome;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.provenance.c2pa.C2paSigner;
import org.pramaan.provenance.c2pa.ManifestRequest;
import org.pramaan.provenance.c2pa.SigningAlgorithm;
import org.pramaan.provenance.c2pa.SigningKey;
import org.pramaan.provenance.c2pa.TrustSettings;
import org.pramaan.provenance.c2pa.ValidationState;
import org.pramaan.testing.SharedTestData;

/** Visible image labels, measured on the decoded output rather than taken from what the labeller reports. */
class ImageLabelTest {
    @Test
    void aRealJpegGetsALabelTallEnoughAtItsCornerWithMeasuredContrast() throws Exception {
        byte[] in = Files.readAllBytes(SharedTestData.folder("pdq/misc-images").resolve("small.jpg"));
        for (String j : LabelProfiles.BUNDLED) {
            LabelProfile p = LabelProfiles.bundled(j);
            VisibleLabels.Result r = VisibleLabels.apply(in, VisibleLabels.Request.of(p), Optional.empty());
            assertThat(r.format()).isEqualTo("JPEG");
            assertThat(MetadataWriter.format(r.bytes())).isEqualTo(MetadataWriter.Format.JPEG);
            BufferedImage before = read(in);
            BufferedImage after = read(r.bytes());
            Rectangle changed = changed(before, after, 60);
            int shorter = Math.min(after.getWidth(), after.getHeight());
            // GB 45438 §4: at least 5 % of the shorter side, found in the pixels.
            assertThat(changed.height).as(j).isGreaterThanOrEqualTo((int) Math.ceil(0.05 * shorter));
            ImageLabeller.Drawn d = r.image().orElseThrow();
            assertThat(d.glyphs().height).isGreaterThanOrEqualTo(d.requiredHeight());
            assertThat(d.area().contains(changed))
                    .as(j + " label inside its area")
                    .isTrue();
            assertCorner(p.image().position(), changed, after);
            assertThat(measuredContrast(after, d, 8)).as(j).isGreaterThanOrEqualTo(Contrast.WCAG_AA);
        }
    }

    @Test
    void aBusyPictureGetsAPlateAndAPlainDarkOneDoesNot() throws Exception {
        BufferedImage noise = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(14);
        for (int y = 0; y < 600; y++) for (int x = 0; x < 800; x++) noise.setRGB(x, y, rnd.nextInt(0x1000000));
        VisibleLabels.Result busy = VisibleLabels.apply(
                png(noise), VisibleLabels.Request.of(LabelProfiles.bundled("EU")), Optional.empty());
        ImageLabeller.Drawn d = busy.image().orElseThrow();
        assertThat(d.plateOpacity()).isGreaterThan(0);
        assertThat(measuredContrast(read(busy.bytes()), d, 0)).isGreaterThanOrEqualTo(Contrast.WCAG_AA);
        // Without the plate the same text would fail: the noise holds both near-white and near-black pixels.
        int[] under = noise.getRGB(d.area().x, d.area().y, d.area().width, d.area().height, null, 0, d.area().width);
        assertThat(ImageLabeller.worst(under, d.textColour(), 0, 0)).isLessThan(Contrast.WCAG_AA);

        BufferedImage dark = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        VisibleLabels.Result plain =
                VisibleLabels.apply(png(dark), VisibleLabels.Request.of(LabelProfiles.bundled("EU")), Optional.empty());
        ImageLabeller.Drawn p = plain.image().orElseThrow();
        assertThat(p.plateOpacity()).isZero();
        assertThat(p.textColour()).isEqualTo(0xFFFFFF);
        BufferedImage out = read(plain.bytes());
        Rectangle ink = changed(dark, out, 128);
        assertThat(ink.height).isGreaterThanOrEqualTo(30); // 5 % of 600
    }

    @Test
    void everyLanguageOfEveryProfileRendersWithRealGlyphs() throws Exception {
        BufferedImage grey = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        for (String j : LabelProfiles.BUNDLED) {
            LabelProfile p = LabelProfiles.bundled(j);
            for (String lang : p.languages()) {
                String text = p.imageText(lang).orElseThrow();
                for (int i = 0; i < text.length(); ) {
                    int cp = text.codePointAt(i);
                    if (!Character.isWhitespace(cp)) {
                        Font f = LabelFonts.forCodePoint(cp).orElseThrow();
                        assertThat(f.canDisplayUpTo(new String(Character.toChars(cp))))
                                .as(j + "/" + lang + " U+" + Integer.toHexString(cp))
                                .isEqualTo(-1);
                        // Not the font's missing-glyph box: glyph 0 is .notdef (OpenType 'cmap').
                        assertThat(f.createGlyphVector(
                                                new java.awt.font.FontRenderContext(null, true, true),
                                                new String(Character.toChars(cp)))
                                        .getGlyphCode(0))
                                .isNotZero();
                    }
                    i += Character.charCount(cp);
                }
                BufferedImage img = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
                img.createGraphics().drawImage(grey, 0, 0, null);
                ImageLabeller.Drawn d = ImageLabeller.draw(img, text, p.image().position(), 0.05, Optional.empty());
                assertThat(changed(grey, img, 100).height).as(j + "/" + lang).isGreaterThanOrEqualTo(45);
                assertThat(d.glyphs().height).isGreaterThanOrEqualTo(45);
            }
        }
        assertThat(LabelFonts.all())
                .extracting(Font::getFamily)
                .contains("Noto Sans", "Noto Sans Devanagari", "Noto Sans CJK SC");
    }

    @Test
    void theInputsImplicitLabelsAreWrittenBack() throws Exception {
        byte[] in = Files.readAllBytes(SharedTestData.folder("pdq/misc-images").resolve("c.png"));
        Aigc aigc = new Aigc("1", "pramaan-test", "gen-42", "", "", "", "");
        byte[] labelled = MetadataWriter.write(in, Optional.empty(), Optional.of(aigc));
        VisibleLabels.Result r =
                VisibleLabels.apply(labelled, VisibleLabels.Request.of(LabelProfiles.bundled("CN")), Optional.empty());
        assertThat(r.format()).isEqualTo("PNG");
        MetadataLabels.Found f = MetadataLabels.read(r.bytes());
        assertThat(f.aigc())
                .singleElement()
                .satisfies(s -> assertThat(s.attributes()).containsEntry("ProduceID", "gen-42"));
        assertThat(f.digitalSourceTypes())
                .singleElement()
                .satisfies(s -> assertThat(s.value()).endsWith("trainedAlgorithmicMedia"));
    }

    @Test
    void aSignedInputIsReSignedWithTheLabelAsAnEditAndTheOldManifestAsParent() throws Exception {
        Path certs = SharedTestData.folder("c2pa/certs");
        C2paSigner signer = new C2paSigner(
                SigningKey.fromPem(
                        Files.readString(certs.resolve("es256.pem")),
                        Files.readString(certs.resolve("es256.pub")),
                        SigningAlgorithm.ES256),
                TrustSettings.none(Clock.systemUTC()),
                "pramaan-test",
                "1.0");
        byte[] in = Files.readAllBytes(SharedTestData.folder("pdq/misc-images").resolve("small.jpg"));
        byte[] signed = signer.sign(
                        in, ManifestRequest.created("trainedAlgorithmicMedia", "gen"), C2paSigner.Placement.EMBEDDED)
                .asset();
        VisibleLabels.Result r =
                VisibleLabels.apply(signed, VisibleLabels.Request.of(LabelProfiles.bundled("IN")), Optional.of(signer));
        assertThat(r.carriedManifest()).isTrue();
        assertThat(r.resigned()).isTrue();
        Path out = Files.createTempFile("labelled", ".jpg");
        try {
            Files.write(out, r.bytes());
            C2paOutcome o = new C2paReader(TrustSettings.none(Clock.systemUTC())).read(out);
            assertThat(o).isInstanceOf(C2paOutcome.Read.class);
            var report = ((C2paOutcome.Read) o).report();
            assertThat(report.state()).isNotEqualTo(ValidationState.INVALID);
            assertThat(report.manifests()).hasSize(2);
            assertThat(report.activeSummary().orElseThrow().actions())
                    .extracting(Action::action)
                    .containsExactly("c2pa.opened", "c2pa.edited");
            assertThat(report.activeSummary().orElseThrow().actions().get(1).softwareAgent())
                    .contains(VisibleLabels.AGENT);
        } finally {
            Files.deleteIfExists(out);
        }
        // Without a signer the label is still drawn and the caller is told the manifest no longer holds.
        VisibleLabels.Result unsigned =
                VisibleLabels.apply(signed, VisibleLabels.Request.of(LabelProfiles.bundled("IN")), Optional.empty());
        assertThat(unsigned.carriedManifest()).isTrue();
        assertThat(unsigned.resigned()).isFalse();
    }

    @Test
    void hostileImagesAndTextsAreRefusedNamingTheProblem() throws Exception {
        byte[] in = Files.readAllBytes(SharedTestData.folder("pdq/misc-images").resolve("small.jpg"));
        VisibleLabels.Request cn = VisibleLabels.Request.of(LabelProfiles.bundled("CN"));
        byte[] cut = java.util.Arrays.copyOf(in, in.length / 3);
        assertThatThrownBy(() -> VisibleLabels.apply(cut, cn, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("file:");
        assertThatThrownBy(() -> VisibleLabels.apply(hugePng(), cn, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pixels");
        assertThatThrownBy(() -> VisibleLabels.apply(new byte[0], cn, Optional.empty()))
                .hasMessageContaining("empty");
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> ImageLabeller.draw(img, "", LabelProfile.Position.TOP, 0.05, Optional.empty()))
                .hasMessageContaining("empty");
        assertThatThrownBy(() ->
                        ImageLabeller.draw(img, "A".repeat(10_000), LabelProfile.Position.TOP, 0.05, Optional.empty()))
                .hasMessageContaining("at most 200 characters");
        assertThatThrownBy(
                        () -> ImageLabeller.draw(img, "AI\u0000gen", LabelProfile.Position.TOP, 0.05, Optional.empty()))
                .hasMessageContaining("U+0000");
        assertThatThrownBy(
                        () -> ImageLabeller.draw(img, "AI\u202Egen", LabelProfile.Position.TOP, 0.05, Optional.empty()))
                .hasMessageContaining("U+202E");
        assertThatThrownBy(() ->
                        ImageLabeller.draw(img, "AI \uD83D\uDE00", LabelProfile.Position.TOP, 0.05, Optional.empty()))
                .hasMessageContaining("no bundled font");
        assertThatThrownBy(() -> ImageLabeller.draw(
                        img, "AI-generated ".repeat(10), LabelProfile.Position.TOP, 0.05, Optional.empty()))
                .hasMessageContaining("use a shorter text");
        assertThatThrownBy(() -> VisibleLabels.apply(
                        in,
                        new VisibleLabels.Request(
                                LabelProfiles.bundled("CN"),
                                Optional.of("hi"),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        Optional.empty()))
                .hasMessageContaining("no label text in 'hi'");
    }

    /** A PNG whose header declares 100,000 × 100,000 pixels and carries no pixel data. */
    static byte[] hugePng() throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17)
                .put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(100_000)
                .putInt(100_000)
                .put(new byte[] {8, 2, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        o.write(new byte[] {0, 0, 0, 13});
        o.write(ihdr.array());
        o.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        o.write(new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82});
        return o.toByteArray();
    }

    static BufferedImage read(byte[] b) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(b));
    }

    static byte[] png(BufferedImage i) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ImageIO.write(i, "png", o);
        return o.toByteArray();
    }

    /** The bounding box of pixels whose largest channel difference exceeds {@code threshold}. */
    static Rectangle changed(BufferedImage a, BufferedImage b, int threshold) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < a.getHeight(); y++)
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y), diff = 0;
                for (int s = 0; s <= 16; s += 8) diff = Math.max(diff, Math.abs(((p >> s) & 0xFF) - ((q >> s) & 0xFF)));
                if (diff > threshold) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        assertThat(maxX).as("some pixels changed").isGreaterThanOrEqualTo(0);
        return new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /**
     * WCAG contrast measured in the decoded output: the text colour as the most extreme luminance
     * inside the glyph bounds, against the least contrasting pixel of the label area outside them
     * (keeping {@code keepOff} px away from the glyphs, where JPEG ringing from the strokes lands).
     */
    static double measuredContrast(BufferedImage out, ImageLabeller.Drawn d, int keepOff) {
        boolean white = d.textColour() == 0xFFFFFF;
        double text = white ? 0 : 1;
        Rectangle g = d.glyphs();
        keepOff = Math.min(keepOff, (d.area().height - g.height) / 4);
        for (int y = g.y; y < g.y + g.height; y++)
            for (int x = g.x; x < g.x + g.width; x++) {
                double l = Contrast.luminance(out.getRGB(x, y) & 0xFFFFFF);
                text = white ? Math.max(text, l) : Math.min(text, l);
            }
        Rectangle near = new Rectangle(g.x - keepOff, g.y - keepOff, g.width + 2 * keepOff, g.height + 2 * keepOff);
        Rectangle a = d.area();
        double worst = Double.MAX_VALUE;
        int counted = 0;
        for (int y = a.y; y < a.y + a.height; y++)
            for (int x = a.x; x < a.x + a.width; x++) {
                if (near.contains(x, y)) continue;
                worst = Math.min(worst, Contrast.ratio(text, Contrast.luminance(out.getRGB(x, y) & 0xFFFFFF)));
                counted++;
            }
        assertThat(counted).as("background pixels measured").isPositive();
        return worst;
    }

    private static void assertCorner(LabelProfile.Position p, Rectangle r, BufferedImage img) {
        int cx = r.x + r.width / 2, cy = r.y + r.height / 2;
        String wire = p.wire();
        if (wire.contains("left")) assertThat(cx).as(wire).isLessThan(img.getWidth() / 2);
        if (wire.contains("right")) assertThat(cx).as(wire).isGreaterThan(img.getWidth() / 2);
        if (wire.startsWith("top")) assertThat(cy).as(wire).isLessThan(img.getHeight() / 2);
        if (wire.startsWith("bottom")) assertThat(cy).as(wire).isGreaterThan(img.getHeight() / 2);
    }
}
