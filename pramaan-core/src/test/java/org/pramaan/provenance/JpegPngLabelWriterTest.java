package org.pramaan.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pramaan.provenance.MetadataSignalExtractorTest.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.JpegSegment;
import org.pramaan.media.container.JpegSegments;
import org.pramaan.media.container.PngChunk;
import org.pramaan.media.container.PngChunks;
import org.pramaan.signals.Signal;

class JpegPngLabelWriterTest {
    static final Aigc LABEL = new Aigc("1", "001191110108MA01", "20260301-42", "c2lnbg==", "", "", "");

    static MetadataLabels.Found read(byte[] f) throws Exception {
        return MetadataLabels.read(f);
    }

    @Test
    void jpegRoundTripKeepsScanDataAndOtherSegments() throws Exception {
        byte[] original = MetadataEmbedder.withExif(image("jpeg"), Map.of(0x010F, "Canon"));
        byte[] labelled = MetadataWriter.write(original, Optional.of("trainedAlgorithmicMedia"), Optional.of(LABEL));
        MetadataLabels.Found f = read(labelled);
        assertThat(f.digitalSourceTypes())
                .singleElement()
                .extracting(Signal::value)
                .isEqualTo(MetadataSignalExtractorTest.TRAINED);
        assertThat(f.aigc())
                .singleElement()
                .satisfies(s -> assertThat(s.attributes())
                        .containsEntry("ProduceID", "20260301-42")
                        .containsEntry("ReservedCode1", "c2lnbg==")
                        .doesNotContainKey("error"));
        assertThat(fromScan(labelled)).isEqualTo(fromScan(original));
        assertThat(pixels(labelled)).isEqualTo(pixels(original));
        assertThat(segments(labelled)).filteredOn(s -> s.isApp(1)).hasSize(2); // Exif kept, one XMP added
    }

    @Test
    void rewritingReplacesAndKeepsOtherXmpProperties() throws Exception {
        String packet = Xmp.packet(
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:Iptc4xmpExt=\"" + XmpReader.IPTC_EXT + "\"",
                "<dc:creator><rdf:Seq><rdf:li>Asha</rdf:li></rdf:Seq></dc:creator><Iptc4xmpExt:DigitalSourceType>"
                        + DigitalSourceTypes.NEWSCODES + "digitalCapture</Iptc4xmpExt:DigitalSourceType>");
        for (String format : List.of("jpeg", "png")) {
            byte[] once = MetadataWriter.write(
                    MetadataEmbedder.withXmp(image(format), packet),
                    Optional.of("compositeWithTrainedAlgorithmicMedia"),
                    Optional.empty());
            byte[] twice = MetadataWriter.write(
                    once, Optional.of(DigitalSourceTypes.NEWSCODES + "trainedAlgorithmicMedia"), Optional.of(LABEL));
            byte[] thrice = MetadataWriter.write(twice, Optional.of("trainedAlgorithmicMedia"), Optional.of(LABEL));
            assertThat(read(twice).digitalSourceTypes())
                    .as(format)
                    .singleElement()
                    .extracting(Signal::value)
                    .isEqualTo(MetadataSignalExtractorTest.TRAINED);
            assertThat(read(twice).aigc()).as(format).hasSize(1);
            assertThat(new String(twice, StandardCharsets.ISO_8859_1))
                    .as(format)
                    .contains("<rdf:li>Asha</rdf:li>");
            assertThat(thrice).as("idempotent " + format).isEqualTo(twice);
        }
    }

    @Test
    void pngRoundTripKeepsImageDataAndTextChunks() throws Exception {
        byte[] original = MetadataEmbedder.withPngText(
                MetadataEmbedder.withPngText(image("png"), "Author", "asha"), "AIGC", "{\"Label\":\"2\"}");
        byte[] labelled = MetadataWriter.write(original, Optional.empty(), Optional.of(LABEL));
        assertThat(chunks(labelled, "IDAT")).isEqualTo(chunks(original, "IDAT"));
        // Author kept byte for byte; the stale AIGC text chunk is gone (the label now lives in XMP)
        assertThat(chunks(labelled, "tEXt"))
                .singleElement()
                .satisfies(c -> assertThat(chunks(original, "tEXt")).contains(c))
                .asString()
                .contains("417574686f72");
        assertThat(pixels(labelled)).isEqualTo(pixels(original));
        assertThat(read(labelled).aigc()).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo("1");
            assertThat(s.location()).startsWith("PNG iTXt 'XML:com.adobe.xmp'");
        });
        assertThat(PngChunks.walk(MediaSource.of(labelled)).chunks()).allMatch(PngChunk::crcValid);
    }

    @Test
    void badInputGetsAnErrorNamingTheProblem() throws Exception {
        assertThatThrownBy(
                        () -> MetadataWriter.write("hello".getBytes(), Optional.of("digitalCapture"), Optional.empty()))
                .hasMessageContaining("not a JPEG, PNG, WebP, MP4, MP3 or WAV file");
        byte[] jpeg = image("jpeg");
        long sos = segments(jpeg).stream()
                .filter(s -> s.marker() == 0xDA)
                .findFirst()
                .orElseThrow()
                .offset();
        assertThatThrownBy(() -> MetadataWriter.write(
                        Arrays.copyOf(jpeg, (int) sos - 3), Optional.of("digitalCapture"), Optional.empty()))
                .hasMessageStartingWith("not a complete JPEG");
        byte[] png = image("png");
        assertThatThrownBy(() ->
                        MetadataWriter.write(Arrays.copyOf(png, png.length - 20), Optional.empty(), Optional.of(LABEL)))
                .hasMessageStartingWith("not a complete PNG");
        assertThatThrownBy(() -> MetadataWriter.write(png, Optional.of("trainedAlgorithmic"), Optional.empty()))
                .hasMessageContaining("unknown digital source type 'trainedAlgorithmic'");
        byte[] brokenXmp = MetadataEmbedder.withXmp(png, "<x:xmpmeta><unclosed>");
        assertThatThrownBy(() -> MetadataWriter.write(brokenXmp, Optional.of("digitalCapture"), Optional.empty()))
                .hasMessageContaining("not well-formed");
    }

    @Test
    void extendedXmpIsReassembled() throws Exception {
        String ext = Xmp.digitalSourceType(MetadataSignalExtractorTest.TRAINED);
        byte[] data = ext.getBytes(StandardCharsets.UTF_8);
        String guid = "0123456789ABCDEF0123456789ABCDEF";
        byte[] file = MetadataEmbedder.withXmp(
                image("jpeg"),
                Xmp.packet(
                        "xmlns:xmpNote=\"http://ns.adobe.com/xmp/note/\"",
                        "<xmpNote:HasExtendedXMP>" + guid + "</xmpNote:HasExtendedXMP>"));
        int half = data.length / 2;
        for (int[] part : new int[][] {{half, data.length}, {0, half}}) { // out of order on purpose
            byte[] head = MetadataEmbedder.concat(
                    ExtendedXmp.SIGNATURE, guid.getBytes(StandardCharsets.US_ASCII), new byte[] {
                        0, 0, (byte) (data.length >> 8), (byte) data.length, 0, 0, (byte) (part[0] >> 8), (byte) part[0]
                    });
            file = MetadataEmbedder.insertJpegSegment(
                    file, 0xE1, MetadataEmbedder.concat(head, Arrays.copyOfRange(data, part[0], part[1])));
        }
        assertThat(read(file).digitalSourceTypes())
                .singleElement()
                .satisfies(s -> assertThat(s.location()).contains("ExtendedXMP " + guid));
    }

    static byte[] fromScan(byte[] jpeg) throws Exception {
        JpegSegment sos = segments(jpeg).stream()
                .filter(s -> s.marker() == 0xDA)
                .findFirst()
                .orElseThrow();
        return Arrays.copyOfRange(jpeg, (int) sos.offset(), jpeg.length);
    }

    static List<JpegSegment> segments(byte[] jpeg) throws Exception {
        return JpegSegments.walk(MediaSource.of(jpeg)).segments();
    }

    static List<String> chunks(byte[] png, String type) throws Exception {
        return PngChunks.walk(MediaSource.of(png)).chunks().stream()
                .filter(c -> c.type().equals(type))
                .map(c -> java.util.HexFormat.of()
                        .formatHex(png, (int) c.offset(), (int) c.dataOffset() + c.length() + 4))
                .toList();
    }

    static int[] pixels(byte[] f) throws Exception {
        BufferedImage i = ImageIO.read(new ByteArrayInputStream(f));
        return i.getRGB(0, 0, i.getWidth(), i.getHeight(), null, 0, i.getWidth());
    }
}
