package org.pramaan.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.detect.Calibration;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.FaceEmbedder;
import org.pramaan.detect.Modality;
import org.pramaan.detect.ModelManifest;
import org.pramaan.detect.VoiceEmbedder;
import org.pramaan.likeness.Consent;
import org.pramaan.likeness.Embedding;
import org.pramaan.likeness.LikenessIndex;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.Vector;
import org.pramaan.likeness.VoicePrints;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.AudioClip;
import org.pramaan.media.decode.DecodeLimits;

/**
 * Issue 16, voice screening with known answers. A fake speaker model at 1 kHz (1 s windows, 0.5 s hop,
 * so an aggregate is 5 windows, 3 s) maps a window's mean level m to the unit vector at angle
 * 10·(m − 0.1): level 0.1 is the enrolled speaker (angle 0), level 0.25 another (1.5 rad, cosine
 * 0.07); threshold 0.9. Her voice from 2 s to 8 s in silence matches over exactly 1.5–8.5 s (the
 * windows that overlap it); one second of her amid another voice does not (the 3 s aggregate is not
 * decided by one window, which alone would match at 1.0); silence is not embedded; a failing model
 * gives one failed signal.
 */
class VoiceLikenessTest {
    static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
    static final int RATE = 1000;

    static ModelManifest levelManifest() {
        return new ModelManifest(
                "level-id",
                "1.0",
                "level-id.onnx",
                "0".repeat(64),
                "MIT",
                Modality.VOICE_EMBEDDING,
                new ModelManifest.InputSpec(
                        "waveform",
                        RATE,
                        1,
                        ModelManifest.Layout.NCHW,
                        ModelManifest.ChannelOrder.RGB,
                        List.of(0.0, 0.0, 0.0),
                        List.of(1.0, 1.0, 1.0)),
                new ModelManifest.OutputSpec("embedding", 0, ModelManifest.OutputKind.EMBEDDING, "a test level"),
                new Calibration.Platt(1, 0, "threshold"),
                0.9,
                "tests",
                List.of(),
                1000,
                Optional.of(new ModelManifest.AudioInput(RATE, RATE, RATE / 2, ModelManifest.AudioLayout.BCN)));
    }

    /** Counts its calls; fails on every call when {@code fail}. */
    static final class LevelEmbedder implements VoiceEmbedder {
        final boolean fail;
        int calls;

        LevelEmbedder(boolean fail) {
            this.fail = fail;
        }

        @Override
        public ModelManifest manifest() {
            return levelManifest();
        }

        @Override
        public float[] embed(float[] window) throws DetectorFailure {
            calls++;
            if (fail) throw new DetectorFailure("detect.timeout", "model level-id ran past its time limit");
            double m = 0;
            for (float x : window) m += x;
            double angle = 10 * (m / window.length - 0.1);
            return FaceEmbedder.normalise(new float[] {(float) Math.cos(angle), (float) Math.sin(angle)}, "level-id");
        }

        @Override
        public void close() {}
    }

    static LikenessIndex index() {
        ProtectedPerson p = new ProtectedPerson(
                "pp_asha",
                "Asha",
                "",
                new Consent("Asha", T, "doc-1"),
                Optional.of("case-7"),
                List.of(new Embedding(LikenessModality.VOICE, "level-id", "1.0", Vector.of(new float[] {1, 0}))),
                T,
                T);
        LikenessIndex index = new LikenessIndex(LikenessExtractorTest.enrolled(p));
        index.reload();
        return index;
    }

    /** {@code seconds} of silence with level {@code level} from {@code from} to {@code to} s. */
    static float[] sound(double seconds, double from, double to, float level) {
        float[] s = new float[(int) (seconds * RATE)];
        for (int i = (int) (from * RATE); i < (int) (to * RATE); i++) s[i] = level;
        return s;
    }

    @Test
    void herVoiceFromTwoToEightSecondsMatchesOverTheWindowsThatOverlapIt() {
        LevelEmbedder model = new LevelEmbedder(false);
        VoiceLikeness v = new VoiceLikeness(model, index());
        assertThat(v.active()).isTrue();
        assertThat(v.sampleRate()).isEqualTo(RATE);
        List<Signal> out = v.match(new AudioClip(RATE, sound(10, 2, 8, 0.1f)));
        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.LIKENESS_MATCH);
            assertThat(s.value()).isEqualTo("pp_asha");
            assertThat(s.strength()).isEqualTo(SignalStrength.INFO);
            assertThat(s.location()).isEqualTo("voice 1.50-8.50 s");
            assertThat(s.attributes())
                    .containsEntry("matched", "true")
                    .containsEntry("modality", "voice")
                    .containsEntry("startMillis", "1500")
                    .containsEntry("endMillis", "8500")
                    .containsEntry("evidence", "voice time 1500-8500 ms")
                    .containsEntry("similarity", "1.000")
                    .containsEntry("threshold", "0.900")
                    .containsEntry("caseId", "case-7")
                    .containsEntry("synthetic", "false");
            assertThat(LikenessExtractor.isMatch(s)).isTrue();
        });
        // 19 windows, of which the 6 wholly silent ones (0–1, 0.5–1.5, 1–2 s and their mirrors) are not embedded.
        assertThat(model.calls).isEqualTo(13);
    }

    @Test
    void oneSecondOfHerAmidAnotherVoiceDoesNotDecideButWouldAlone() throws Exception {
        float[] s = sound(10, 0, 10, 0.25f);
        for (int i = 4 * RATE; i < 5 * RATE; i++) s[i] = 0.1f;
        assertThat(new VoiceLikeness(new LevelEmbedder(false), index()).match(new AudioClip(RATE, s)))
                .isEmpty();
        // The window at 4–5 s alone is hers exactly: a per-window comparison would have matched.
        List<VoicePrints.Window> windows = VoicePrints.embed(new LevelEmbedder(false), s, 100);
        assertThat(windows.get(8).startMillis()).isEqualTo(4000);
        assertThat(windows.get(8).vector().orElseThrow().cosine(Vector.of(new float[] {1, 0})))
                .isGreaterThan(0.999);
    }

    @Test
    void anotherVoiceAndSilenceDoNotMatch() {
        VoiceLikeness v = new VoiceLikeness(new LevelEmbedder(false), index());
        assertThat(v.match(new AudioClip(RATE, sound(6, 0, 6, 0.25f)))).isEmpty();
        LevelEmbedder model = new LevelEmbedder(false);
        assertThat(new VoiceLikeness(model, index()).match(new AudioClip(RATE, new float[6 * RATE])))
                .isEmpty();
        assertThat(model.calls).isZero();
    }

    @Test
    void aModelThatFailsGivesOneFailedSignalAndAReasonNotACrash() {
        List<Signal> out =
                new VoiceLikeness(new LevelEmbedder(true), index()).match(new AudioClip(RATE, sound(6, 0, 6, 0.1f)));
        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo("failed");
            assertThat(s.attributes())
                    .containsEntry("error", "detect.timeout")
                    .containsEntry("modality", "voice")
                    .containsEntry("matched", "false");
            assertThat(LikenessExtractor.isMatch(s)).isFalse();
        });
        assertThat(new org.pramaan.assessment.Assessor().assess(out).reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("likeness.failed");
            assertThat(r.message()).contains("voice-embedding model level-id", "voices were not compared");
        });
    }

    @Test
    void theMeanOfEmbeddingsIsScaledToUnitLengthAndWindowsEndAtTheLastSample() throws Exception {
        Vector m = VoicePrints.mean(List.of(Vector.of(new float[] {1, 0}), Vector.of(new float[] {0, 1})))
                .orElseThrow();
        assertThat(m.toArray()[0]).isCloseTo((float) Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(VoicePrints.mean(List.of(Vector.of(new float[] {1, 0}), Vector.of(new float[] {-1, 0}))))
                .isEmpty();
        assertThat(VoicePrints.mean(List.of())).isEmpty();
        List<VoicePrints.Window> w = VoicePrints.embed(new LevelEmbedder(false), sound(2.2, 0, 2.2, 0.1f), 100);
        assertThat(w).extracting(VoicePrints.Window::startMillis).containsExactly(0L, 500L, 1000L, 1200L);
        assertThat(w.get(3).endMillis()).isEqualTo(2200);
    }

    static List<Signal> screen(
            AudioDetectorExtractorTest.FakeDecoder decoder, org.pramaan.media.MediaType type, Detector... detectors)
            throws Exception {
        org.pramaan.media.MediaSource src = org.pramaan.media.MediaSource.of(new byte[] {1, 2, 3});
        org.pramaan.media.MediaInfo info = new org.pramaan.media.MediaInfo(type, 3, Optional.empty(), Optional.empty());
        return new AudioDetectorExtractor(
                        List.of(detectors),
                        Optional.of(decoder),
                        DecodeLimits.DEFAULT,
                        Optional.of(new VoiceLikeness(new LevelEmbedder(false), index())))
                .extract(src, info);
    }

    @Test
    void theAudioModelsAndTheRegistryShareOneDecodeAndTheRegistryRunsWithoutAnyAudioModel() throws Exception {
        var decoder = new AudioDetectorExtractorTest.FakeDecoder(sound(10, 2, 8, 0.1f), Optional.empty());
        Detector tone = new AudioDetectorExtractorTest.AbsMean(
                AudioDetectorExtractorTest.manifest("tone", RATE, RATE, RATE / 2), 0);
        List<Signal> out = screen(decoder, org.pramaan.media.MediaType.WAV, tone);
        assertThat(out).extracting(Signal::type).containsExactly(SignalType.DETECTOR_SCORE, SignalType.LIKENESS_MATCH);
        assertThat(decoder.calls.get()).isEqualTo(1);
        var alone = new AudioDetectorExtractorTest.FakeDecoder(sound(10, 2, 8, 0.1f), Optional.empty());
        assertThat(screen(alone, org.pramaan.media.MediaType.MP4))
                .singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo("pp_asha"));
        assertThat(alone.calls.get()).isEqualTo(1);
    }

    @Test
    void aVideoWithoutSoundGivesNoVoiceSignalAndUndecodableSoundAFailedOne() throws Exception {
        var silentVideo = new AudioDetectorExtractorTest.FakeDecoder(
                new float[0], Optional.of(f -> new MediaRejectedException(RejectionCode.NO_STREAM, f + ": no audio")));
        assertThat(screen(silentVideo, org.pramaan.media.MediaType.MP4)).isEmpty();
        var corrupt = new AudioDetectorExtractorTest.FakeDecoder(
                new float[0], Optional.of(f -> new MediaRejectedException(RejectionCode.CORRUPT, f + ": bad frame")));
        assertThat(screen(corrupt, org.pramaan.media.MediaType.MP3))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.type()).isEqualTo(SignalType.LIKENESS_MATCH);
                    assertThat(s.value()).isEqualTo("failed");
                    assertThat(s.attributes()).containsEntry("error", "media.corrupt");
                    assertThat(s.attributes().get("message"))
                            .startsWith("the sound cannot be decoded")
                            .doesNotContain("pramaan-detect-audio");
                });
    }
}
