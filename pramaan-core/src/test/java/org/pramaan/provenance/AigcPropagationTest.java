package org.pramaan.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.signals.Signal;
import org.pramaan.testing.TinyMedia;

/** Labeling Measures art.6 / requirements.md behaviour 11: a platform appends its fields, the producer's stay as they were. */
class AigcPropagationTest {
    static final List<String> PRODUCER = List.of("Label", "ContentProducer", "ProduceID", "ReservedCode1");

    static Map<String, byte[]> producerBytes(byte[] file) throws Exception {
        Signal s = AudioVideoLabelWriterTest.onlyAigc(file);
        java.util.Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        for (String k : PRODUCER) out.put(k, s.attributes().getOrDefault(k, "").getBytes(StandardCharsets.UTF_8));
        return out;
    }

    static List<byte[]> samples() {
        return List.of(TinyMedia.jpeg(), TinyMedia.png(), TinyMedia.mp3(), TinyMedia.wav(), TinyMedia.mp4());
    }

    @Test
    void propagationKeepsProducerFieldsByteIdenticalInEveryFormat() throws Exception {
        for (byte[] original : samples()) {
            String format = MetadataWriter.format(original).name();
            byte[] produced =
                    MetadataWriter.write(original, Optional.empty(), Optional.of(JpegPngLabelWriterTest.LABEL));
            byte[] shared = MetadataWriter.propagate(produced, "weibo.example", "wb-0042", "", "3");
            byte[] reshared = MetadataWriter.propagate(shared, "douyin.example", "dy-77", "aGFzaA==", "3");
            Signal s = AudioVideoLabelWriterTest.onlyAigc(reshared);
            assertThat(s.attributes())
                    .as(format)
                    .containsEntry("ContentPropagator", "douyin.example")
                    .containsEntry("PropagateID", "dy-77")
                    .containsEntry("ReservedCode2", "aGFzaA==")
                    .doesNotContainKey("error");
            Map<String, byte[]> before = producerBytes(produced), after = producerBytes(reshared);
            for (String k : PRODUCER)
                assertThat(after.get(k)).as(format + " " + k).isEqualTo(before.get(k));
        }
    }

    @Test
    void theOldReservedSpellingIsReadAndRewrittenCanonically() throws Exception {
        String legacy =
                "{\"Label\":\"1\",\"ContentProducer\":\"gen\",\"ProduceID\":\"id-9\",\"ReserveCode1\":\"c2ln\",\"ContentPropagator\":\"\",\"PropagateID\":\"\",\"ReserveCode2\":\"\"}";
        byte[] jpeg = MetadataEmbedder.withXmp(MetadataSignalExtractorTest.image("jpeg"), Xmp.aigc(legacy));
        byte[] shared = MetadataWriter.propagate(jpeg, "plat", "p-1", "", "3");
        Signal s = AudioVideoLabelWriterTest.onlyAigc(shared);
        assertThat(s.attributes())
                .containsEntry("ReservedCode1", "c2ln")
                .containsEntry("ContentProducer", "gen")
                .containsEntry("PropagateID", "p-1");
        String text = new String(shared, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("\"ReservedCode1\":\"c2ln\"").doesNotContain("ReserveCode1");
    }

    @Test
    void contentWithoutALabelGetsThePlatformsLabel() throws Exception {
        for (byte[] original : samples()) {
            Signal s = AudioVideoLabelWriterTest.onlyAigc(MetadataWriter.propagate(original, "plat", "p-2", "", "3"));
            assertThat(s.value()).isEqualTo("3");
            assertThat(s.attributes())
                    .containsEntry("ContentProducer", "")
                    .containsEntry("ContentPropagator", "plat")
                    .doesNotContainKey("error");
        }
    }

    @Test
    void anInvalidLabelIsNotLaunderedAndBadFieldsAreNamed() throws Exception {
        byte[] bad = MetadataEmbedder.withXmp(
                MetadataSignalExtractorTest.image("png"),
                Xmp.aigc("{\"Label\":\"7\",\"ContentProducer\":\"g\",\"ProduceID\":\"i\"}"));
        assertThatThrownBy(() -> MetadataWriter.propagate(bad, "plat", "p", "", "3"))
                .hasMessageContaining("is invalid")
                .hasMessageContaining("Label");
        byte[] png = MetadataSignalExtractorTest.image("png");
        assertThatThrownBy(() -> MetadataWriter.propagate(png, "plat", "p", "", "5"))
                .hasMessageContaining("Label must be");
        assertThatThrownBy(() -> MetadataWriter.propagate(png, "pl\tat", "p", "", "3"))
                .hasMessageContaining("ContentPropagator has a control character U+0009 at position 2");
        assertThatThrownBy(() -> MetadataWriter.propagate(png, "plat", "x".repeat(2049), "", "3"))
                .hasMessageContaining("PropagateID is longer than 2048");
        assertThat(new Aigc("1", "生成器", "i", "", "", "", "").contentProducer())
                .as("issue 18: non-ASCII producer names are valid")
                .isEqualTo("生成器");
        assertThatThrownBy(() -> Aigc.addedByPlatform("3", "", "", ""))
                .hasMessageContaining("ContentProducer is required");
    }
}
