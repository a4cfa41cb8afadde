package org.pramaan.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.signals.MetadataSignalExtractor;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;

class MetadataSignalExtractorTest {
    static final String TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    static byte[] image(String format) throws Exception {
        BufferedImage img = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) for (int x = 0; x < 48; x++) img.setRGB(x, y, x * 5 << 8 | y * 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static List<Signal> signals(byte[] file) throws Exception {
        MediaSource src = MediaSource.of(file);
        return new MetadataSignalExtractor().extract(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
    }

    static Signal only(List<Signal> s, SignalType t) {
        List<Signal> of = s.stream().filter(x -> x.type() == t).toList();
        assertThat(of).as("signals of type %s in %s", t, s).hasSize(1);
        return of.get(0);
    }

    @Test
    void xmpAiSourceTypeInJpegIsStrongAndLocated() throws Exception {
        Signal s = only(
                signals(MetadataEmbedder.withXmp(image("jpeg"), Xmp.digitalSourceType(TRAINED))),
                SignalType.IPTC_DIGITAL_SOURCE_TYPE);
        assertThat(s.value()).isEqualTo(TRAINED);
        assertThat(s.strength()).isEqualTo(SignalStrength.STRONG);
        assertThat(s.attributes())
                .containsEntry("code", "trainedAlgorithmicMedia")
                .containsEntry("synthetic", "true");
        assertThat(s.location()).startsWith("JPEG APP1 XMP @ offset ");
    }

    @Test
    void captureSourceTypesAndAttributeFormAreReadButNotSynthetic() throws Exception {
        String attrForm = Xmp.packet(
                "xmlns:Iptc4xmpExt=\"" + XmpReader.IPTC_EXT + "\" Iptc4xmpExt:DigitalSourceType=\""
                        + "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture\"",
                "");
        Signal s = only(signals(MetadataEmbedder.withXmp(image("png"), attrForm)), SignalType.IPTC_DIGITAL_SOURCE_TYPE);
        assertThat(s.strength()).isEqualTo(SignalStrength.INFO);
        assertThat(s.attributes()).containsEntry("synthetic", "false");
        assertThat(s.location()).startsWith("PNG iTXt 'XML:com.adobe.xmp'");
    }

    @Test
    void gb45438LabelsInPngTextAndXmp() throws Exception {
        Aigc label = new Aigc("1", "001191110108MA01", "20260301-42", "", "", "", "");
        Signal png = only(
                signals(MetadataEmbedder.withPngText(image("png"), "AIGC", label.toJson())), SignalType.GB45438_AIGC);
        assertThat(png.strength()).isEqualTo(SignalStrength.STRONG);
        assertThat(png.value()).isEqualTo("1");
        assertThat(png.attributes())
                .containsEntry("ContentProducer", "001191110108MA01")
                .containsEntry("ProduceID", "20260301-42");
        Signal xmp = only(
                signals(MetadataEmbedder.withXmp(image("jpeg"), Xmp.aigc(label.toJson()))), SignalType.GB45438_AIGC);
        assertThat(xmp.strength()).isEqualTo(SignalStrength.STRONG);
        String suspected =
                "{\"Label\":\"3\",\"ContentProducer\":\"p\",\"ProduceID\":\"i\",\"ReserveCode1\":\"abc\",\"ContentPropagator\":\"plat\",\"PropagateID\":\"9\"}";
        Signal s3 =
                only(signals(MetadataEmbedder.withPngText(image("png"), "AIGC", suspected)), SignalType.GB45438_AIGC);
        assertThat(s3.strength()).isEqualTo(SignalStrength.MODERATE);
        assertThat(s3.attributes()).containsEntry("ReservedCode1", "abc");
    }

    @Test
    void invalidAigcLabelsAreWeakWithTheProblemNamed() throws Exception {
        for (String bad : List.of(
                "{\"Label\":\"4\"}", "{\"Label\":1}", "not json", "{\"Label\":\"1\",\"ProduceID\":\"a\\u0007b\"}")) {
            Signal s = only(signals(MetadataEmbedder.withPngText(image("png"), "AIGC", bad)), SignalType.GB45438_AIGC);
            assertThat(s.strength()).as(bad).isEqualTo(SignalStrength.WEAK);
            assertThat(s.attributes()).as(bad).containsKey("error");
        }
    }

    @Test
    void theAigcWriterEnforcesTheStandard() {
        assertThatThrownBy(() -> new Aigc("4", "p", "i", "", "", "", "")).hasMessageContaining("Label");
        assertThatThrownBy(() -> new Aigc("1", "p\nq", "i", "", "", "", ""))
                .hasMessageContaining("ContentProducer has a control character U+000A");
        assertThatThrownBy(() -> new Aigc("1", "", "i", "", "", "", ""))
                .hasMessageContaining("ContentProducer is required");
        Aigc produced = new Aigc("1", "gen", "id-1", "sig", "", "", "");
        Aigc shared = produced.propagatedBy("platform", "p-77");
        assertThat(shared.contentProducer()).isEqualTo("gen");
        assertThat(shared.produceId()).isEqualTo("id-1");
        assertThat(Aigc.parse(shared.toJson()).fields())
                .containsOnlyKeys(Aigc.FIELDS)
                .containsEntry("PropagateID", "p-77");
    }

    @Test
    void generatorTracesAreModerate() throws Exception {
        String params =
                "a cat astronaut, photorealistic\nNegative prompt: blurry\nSteps: 30, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 1234, Size: 512x512, Model: sdxl_base";
        Signal a1111 = only(
                signals(MetadataEmbedder.withPngText(image("png"), "parameters", params)),
                SignalType.GENERATOR_METADATA);
        assertThat(a1111.value()).isEqualTo("AUTOMATIC1111");
        assertThat(a1111.strength()).isEqualTo(SignalStrength.MODERATE);
        assertThat(a1111.attributes())
                .containsEntry("steps", "30")
                .containsEntry("seed", "1234")
                .containsEntry("model", "sdxl_base")
                .containsEntry("prompt", "a cat astronaut, photorealistic");
        Signal comfy = only(
                signals(MetadataEmbedder.withPngText(image("png"), "prompt", "{\"3\":{\"class_type\":\"KSampler\"}}")),
                SignalType.GENERATOR_METADATA);
        assertThat(comfy.value()).isEqualTo("ComfyUI");
        Signal viaExif = only(
                signals(MetadataEmbedder.withExif(
                        image("jpeg"), Map.of(0x010E, "castle --ar 3:2 Job ID: 6f1c2d3e-aaaa"))),
                SignalType.GENERATOR_METADATA);
        assertThat(viaExif.value()).isEqualTo("Midjourney");
    }

    @Test
    void exifSoftwareIsAWeakHintOnlyWhenItNamesAnAiTool() throws Exception {
        Signal ai = only(
                signals(MetadataEmbedder.withExif(image("jpeg"), Map.of(0x0131, "Adobe Firefly"))),
                SignalType.EXIF_SOFTWARE);
        assertThat(ai.strength()).isEqualTo(SignalStrength.WEAK);
        assertThat(ai.attributes()).containsEntry("ai", "true");
        Signal editor = only(
                signals(MetadataEmbedder.withExif(image("jpeg"), Map.of(0x0131, "GIMP 2.10.34"))),
                SignalType.EXIF_SOFTWARE);
        assertThat(editor.strength()).isEqualTo(SignalStrength.INFO);
        List<Signal> camera =
                signals(MetadataEmbedder.withExif(image("jpeg"), Map.of(0x010F, "Canon", 0x0110, "Canon EOS R6")));
        assertThat(camera)
                .noneMatch(s -> s.strength() == SignalStrength.STRONG
                        || s.strength() == SignalStrength.MODERATE
                        || s.strength() == SignalStrength.WEAK);
        assertThat(only(camera, SignalType.EXIF_SOFTWARE).value()).isEqualTo("Canon Canon EOS R6");
    }

    @Test
    void aCompressionBombInZtxtIsIgnoredNotInflated() throws Exception {
        Deflater d = new Deflater(9);
        d.setInput(new byte[64 * 1024 * 1024]);
        d.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) z.write(buf, 0, d.deflate(buf));
        byte[] chunk = MetadataEmbedder.concat("parameters".getBytes(), new byte[] {0, 0}, z.toByteArray());
        byte[] png = MetadataEmbedder.insertPngChunk(image("png"), "zTXt", chunk);
        assertThat(signals(png)).noneMatch(s -> s.type() == SignalType.GENERATOR_METADATA);
    }

    @Test
    void malformedMetadataNeverThrows() throws Exception {
        byte[][] seeds = {
            MetadataEmbedder.withXmp(image("jpeg"), Xmp.digitalSourceType(TRAINED)),
            MetadataEmbedder.withExif(image("jpeg"), Map.of(0x0131, "Midjourney", 0x010F, "x")),
            MetadataEmbedder.withPngText(
                    MetadataEmbedder.withXmp(image("png"), Xmp.aigc("{\"Label\":\"1\"}")),
                    "parameters",
                    "Steps: 1, Sampler: a")
        };
        Random r = new Random(45438);
        MetadataSignalExtractor x = new MetadataSignalExtractor();
        for (int i = 0; i < 6000; i++) {
            byte[] m = seeds[i % seeds.length].clone();
            int from = 20 + r.nextInt(Math.max(1, m.length / 3));
            for (int k = 0; k < 1 + r.nextInt(6); k++)
                m[Math.min(m.length - 1, from + r.nextInt(200))] = (byte) r.nextInt(256);
            MediaSource src = MediaSource.of(m);
            try {
                x.extract(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
            } catch (org.pramaan.media.MediaRejectedException e) {
                // the prober refused the mutant; the extractor never sees it
            } catch (Throwable t) {
                throw new AssertionError("mutation " + i + " escaped: " + t, t);
            }
        }
    }
}
