package org.pramaan.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.assessment.Assessor;
import org.pramaan.assessment.Tier;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.signals.MetadataSignalExtractor;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;
import org.pramaan.testing.TinyMedia;

/** The labels read from every format reach the tier the way screening computes it (prober, extractor, assessor). */
class LabelScreeningTest {
    static List<Signal> signals(byte[] file) throws Exception {
        MediaSource src = MediaSource.of(file);
        return new MetadataSignalExtractor().extract(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
    }

    static Tier tier(byte[] file) throws Exception {
        return new Assessor().assess(signals(file)).tier();
    }

    static List<byte[]> samples() {
        return List.of(TinyMedia.jpeg(), TinyMedia.png(), TinyMedia.mp3(), TinyMedia.wav(), TinyMedia.mp4());
    }

    @Test
    void aigcLabelsFromEveryFormatReachTheTier() throws Exception {
        for (byte[] f : samples()) {
            String format = MetadataWriter.format(f).name();
            byte[] generated = MetadataWriter.write(f, Optional.empty(), Optional.of(JpegPngLabelWriterTest.LABEL));
            assertThat(signals(generated))
                    .as(format)
                    .filteredOn(s -> s.type() == SignalType.GB45438_AIGC)
                    .singleElement()
                    .extracting(Signal::strength)
                    .isEqualTo(SignalStrength.STRONG);
            assertThat(tier(generated)).as(format).isEqualTo(Tier.CONFIRMED_SYNTHETIC);
            assertThat(tier(MetadataWriter.propagate(f, "plat", "p-1", "", "3")))
                    .as(format + " suspected")
                    .isEqualTo(Tier.SUSPECTED_SYNTHETIC);
            assertThat(tier(f)).as(format + " unlabelled").isEqualTo(Tier.NO_EVIDENCE);
        }
    }

    /** Issue 4 deliverable 7: Meta's "Made with AI" labelled edited photos; capture and edit source types must not label. */
    @Test
    void humanEditAndCaptureSourceTypesNeverGiveAnAiLabel() throws Exception {
        for (String code : List.of(
                "digitalCapture",
                "computationalCapture",
                "minorHumanEdits",
                "humanEdits",
                "compositeCapture",
                "algorithmicallyEnhanced",
                "digitalArt",
                "screenCapture")) {
            for (byte[] f : List.of(TinyMedia.jpeg(), TinyMedia.png(), TinyMedia.mp4())) {
                List<Signal> s = signals(MetadataWriter.write(f, Optional.of(code), Optional.empty()));
                assertThat(s)
                        .as(code)
                        .filteredOn(x -> x.type() == SignalType.IPTC_DIGITAL_SOURCE_TYPE)
                        .singleElement()
                        .satisfies(x -> assertThat(x.attributes()).containsEntry("synthetic", "false"));
                assertThat(new Assessor().assess(s).tier()).as(code).isEqualTo(Tier.NO_EVIDENCE);
            }
        }
        for (String code :
                List.of("trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia", "compositeSynthetic")) {
            assertThat(tier(MetadataWriter.write(TinyMedia.png(), Optional.of(code), Optional.empty())))
                    .as(code)
                    .isEqualTo(Tier.CONFIRMED_SYNTHETIC);
        }
    }

    /** Generator metadata is unauthenticated and trivially forged: it can make a file suspected, never confirmed. */
    @Test
    void generatorTracesAreLowTrust() throws Exception {
        String a1111 =
                "a castle\nNegative prompt: blur\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 5, Size: 512x512, Model: v1-5";
        List<byte[]> traced = List.of(
                MetadataEmbedder.withPngText(TinyMedia.png(), "parameters", a1111),
                MetadataEmbedder.withPngText(
                        TinyMedia.png(), "prompt", "{\"3\":{\"class_type\":\"KSampler\",\"inputs\":{}}}"),
                MetadataEmbedder.withPngText(TinyMedia.png(), "workflow", "{\"nodes\":[{\"type\":\"KSampler\"}]}"),
                MetadataEmbedder.withPngText(
                        TinyMedia.png(),
                        "Description",
                        "a fox in snow --v 6 Job ID: 3f0a6c2e-1b2d-4c5e-9f00-123456789abc"),
                MetadataEmbedder.withXmp(
                        TinyMedia.jpeg(),
                        Xmp.packet(
                                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
                                "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">a fox Job ID: 3f0a6c2e-aaaa</rdf:li></rdf:Alt></dc:description>")),
                MetadataEmbedder.withExif(TinyMedia.jpeg(), Map.of(0x010E, "a fox Job ID: 3f0a6c2e-bbbb")),
                MetadataEmbedder.withExif(TinyMedia.jpeg(), Map.of(0x0131, "Stable Diffusion XL")));
        for (byte[] f : traced) {
            MetadataLabels.Found found = MetadataLabels.read(f);
            assertThat(found.generatorTraces())
                    .isNotEmpty()
                    .allMatch(s -> s.strength() == SignalStrength.MODERATE || s.strength() == SignalStrength.WEAK);
            assertThat(tier(f))
                    .as(found.generatorTraces().toString())
                    .isIn(Tier.SUSPECTED_SYNTHETIC, Tier.INCONCLUSIVE);
        }
        Signal mj = MetadataLabels.read(traced.get(3)).generatorTraces().get(0);
        assertThat(mj.value()).isEqualTo("Midjourney");
        assertThat(mj.attributes())
                .containsEntry("jobId", "3f0a6c2e-1b2d-4c5e-9f00-123456789abc")
                .containsEntry("prompt", "a fox in snow --v 6");
    }
}
