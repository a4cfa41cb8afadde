package org.pramaan.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pramaan.assessment.Assessment;
import org.pramaan.assessment.Assessor;
import org.pramaan.assessment.Tier;
import org.pramaan.detect.Calibration;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.DetectorScore;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.Modality;
import org.pramaan.detect.ModelManifest;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.MediaType;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.AudioClip;
import org.pramaan.media.decode.AudioDecoder;
import org.pramaan.media.decode.DecodeLimits;

/**
 * Issue 16's audio pipeline with known answers: a model whose raw score is 10·mean|x| − 3 on
 * generated sound (a tone where the test puts it, silence elsewhere), so which windows drive the
 * score, and their time ranges, are known in advance.
 */
class AudioDetectorExtractorTest {
    static final int RATE = 16_000;

    static ModelManifest manifest(String id, int rate, int window, int hop) {
        return new ModelManifest(
                id,
                "2.0",
                id + ".onnx",
                "ab".repeat(32),
                "MIT",
                Modality.AUDIO,
                new ModelManifest.InputSpec(
                        "waveform",
                        window,
                        1,
                        ModelManifest.Layout.NCHW,
                        ModelManifest.ChannelOrder.RGB,
                        List.of(0.0, 0.0, 0.0),
                        List.of(1.0, 1.0, 1.0)),
                new ModelManifest.OutputSpec("score", 0, ModelManifest.OutputKind.LOGIT, "tone energy"),
                new Calibration.Platt(1, 0, "fixture"),
                0.8,
                "tests",
                List.of(),
                1000,
                Optional.of(new ModelManifest.AudioInput(rate, window, hop, ModelManifest.AudioLayout.BN)));
    }

    /** raw = 10·mean|x| − 3, calibrated by Platt(1, 0); fails on the {@code failAt}-th window when asked. */
    static final class AbsMean implements Detector {
        final ModelManifest manifest;
        final int failAt;
        final List<Evidence.TimeRange> seen = new ArrayList<>();

        AbsMean(ModelManifest manifest, int failAt) {
            this.manifest = manifest;
            this.failAt = failAt;
        }

        @Override
        public ModelManifest manifest() {
            return manifest;
        }

        @Override
        public DetectorScore score(BufferedImage image) throws DetectorFailure {
            throw new DetectorFailure("detect.input_spec", "audio only");
        }

        @Override
        public DetectorScore score(float[] window, Evidence.TimeRange range) throws DetectorFailure {
            assertThat(window).hasSize(manifest.audio().orElseThrow().windowSamples());
            seen.add(range);
            if (seen.size() == failAt)
                throw new DetectorFailure("detect.timeout", "ran past its time limit of 1000 ms and was stopped");
            double sum = 0;
            for (float v : window) sum += Math.abs(v);
            double raw = 10 * sum / window.length - 3;
            return new DetectorScore(
                    manifest.id(),
                    manifest.version(),
                    manifest.sha256(),
                    raw,
                    manifest.calibration().apply(raw),
                    manifest.operatingPoint(),
                    List.of(range));
        }

        @Override
        public void close() {}
    }

    /** {@code seconds} of silence with a 440 Hz tone of amplitude 0.8 over {@code [from, to)} seconds. */
    static float[] toneIn(double seconds, double from, double to, int rate) {
        float[] s = new float[(int) Math.round(seconds * rate)];
        for (int i = (int) Math.round(from * rate); i < Math.min(s.length, Math.round(to * rate)); i++)
            s[i] = (float) (0.8 * Math.sin(2 * Math.PI * 440 * i / rate));
        return s;
    }

    /** Decodes every file to the given samples (resampled naively to the asked rate), or refuses as told. */
    static final class FakeDecoder implements AudioDecoder {
        final float[] samples;
        final Optional<java.util.function.Function<Path, MediaRejectedException>> refusal;
        final AtomicInteger calls = new AtomicInteger();
        DecodeLimits lastLimits;

        FakeDecoder(float[] samples, Optional<java.util.function.Function<Path, MediaRejectedException>> refusal) {
            this.samples = samples;
            this.refusal = refusal;
        }

        @Override
        public AudioClip decodeMono(Path file, int sampleRate, DecodeLimits limits) throws MediaRejectedException {
            calls.incrementAndGet();
            lastLimits = limits;
            if (refusal.isPresent()) throw refusal.get().apply(file); // decoders name the file, as FFmpeg's does
            return new AudioClip(sampleRate, samples);
        }
    }

    static List<Signal> run(AudioDecoder decoder, MediaType type, Detector... detectors) throws Exception {
        MediaSource src = MediaSource.of(new byte[] {1, 2, 3});
        MediaInfo info = new MediaInfo(type, 3, Optional.empty(), Optional.empty());
        return new AudioDetectorExtractor(List.of(detectors), Optional.of(decoder), DecodeLimits.DEFAULT)
                .extract(src, info);
    }

    @Test
    void theToneWindowDrivesTheScoreAndItsTimeRangeIsTheEvidence() throws Exception {
        // 6 s, tone over 2-3 s; 1 s windows every 0.5 s: 11 windows, the one at 2.0-3.0 s is all tone.
        AbsMean d = new AbsMean(manifest("tone", RATE, RATE, RATE / 2), 0);
        List<Signal> out = run(new FakeDecoder(toneIn(6, 2, 3, RATE), Optional.empty()), MediaType.WAV, d);
        assertThat(out).hasSize(1);
        Signal s = out.get(0);
        assertThat(s.type()).isEqualTo(SignalType.DETECTOR_SCORE);
        assertThat(s.attributes()).containsEntry("windows", "11").containsEntry("audioSeconds", "6.00");
        assertThat(d.seen).hasSize(11);
        assertThat(d.seen.get(0)).isEqualTo(new Evidence.TimeRange(0, 1000));
        assertThat(d.seen.get(10)).isEqualTo(new Evidence.TimeRange(5000, 6000));
        // Full tone: mean|x| = 0.8·2/π = 0.509, raw 2.093, p 0.890; half tone (1.5-2.5, 2.5-3.5 s): raw -0.454, p
        // 0.389.
        assertThat(s.attributes()).containsEntry("maxProbability", "0.890");
        assertThat(s.attributes().get("drivingWindows"))
                .startsWith("2.00-3.00 s p=0.890; ")
                .contains("1.50-2.50 s p=0.389", "2.50-3.50 s p=0.389");
        assertThat(s.attributes().get("evidence"))
                .startsWith("time 2000-3000 ms; ")
                .contains("time 1500-2500 ms", "time 2500-3500 ms");
        // The mean over 11 windows (one full, two half tone, eight silent at p=0.047) stays below the operating point.
        double mean = (0.890 + 2 * 0.389 + 8 / (1 + Math.exp(3))) / 11;
        assertThat(Double.parseDouble(s.value())).isCloseTo(mean, org.assertj.core.data.Offset.offset(2e-3));
        assertThat(s.attributes()).containsEntry("synthetic", "false");
        assertThat(s.strength()).isEqualTo(SignalStrength.INFO);
    }

    @Test
    void toneThroughoutSaysSyntheticAndTheAssessmentStopsAtSuspected() throws Exception {
        AbsMean d = new AbsMean(manifest("tone", RATE, RATE, RATE), 0);
        List<Signal> out = run(new FakeDecoder(toneIn(4, 0, 4, RATE), Optional.empty()), MediaType.MP3, d);
        assertThat(out.get(0).attributes()).containsEntry("synthetic", "true").containsEntry("windows", "4");
        assertThat(out.get(0).strength()).isEqualTo(SignalStrength.MODERATE);
        Assessment a = new Assessor().assess(out);
        assertThat(a.tier()).isEqualTo(Tier.SUSPECTED_SYNTHETIC);
        assertThat(a.reasons().toString()).contains("detector.review_only", "model tone version 2.0", "000 ms; time ");
    }

    @Test
    void windowsStartEveryHopPlusOneEndingAtTheLastSampleAndAreSpreadOverLongMedia() {
        assertThat(AudioDetectorExtractor.starts(10, 16, 8, 120)).containsExactly(0);
        assertThat(AudioDetectorExtractor.starts(16, 16, 8, 120)).containsExactly(0);
        assertThat(AudioDetectorExtractor.starts(40, 16, 8, 120)).containsExactly(0, 8, 16, 24);
        assertThat(AudioDetectorExtractor.starts(43, 16, 8, 120)).containsExactly(0, 8, 16, 24, 27);
        // An hour at 16 kHz, 1 s windows every 0.25 s: 14,397 windows, 120 of them scored, first and last included.
        List<Integer> spread = AudioDetectorExtractor.starts(3600 * RATE, RATE, RATE / 4, 120);
        assertThat(spread)
                .hasSize(120)
                .startsWith(0)
                .endsWith(3599 * RATE)
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(AudioDetectorExtractor.range(0, 1, RATE)).isEqualTo(new Evidence.TimeRange(0, 1));
        assertThat(AudioDetectorExtractor.range(RATE, 2 * RATE, RATE)).isEqualTo(new Evidence.TimeRange(1000, 2000));
    }

    @Test
    void aClipShorterThanAWindowIsOneWindowPaddedWithSilenceWithItsRealLength() throws Exception {
        AbsMean d = new AbsMean(manifest("tone", RATE, RATE, RATE), 0);
        Signal s = run(new FakeDecoder(toneIn(0.25, 0, 0.25, RATE), Optional.empty()), MediaType.OGG, d)
                .get(0);
        assertThat(s.attributes()).containsEntry("windows", "1").containsEntry("evidence", "time 0-250 ms");
    }

    @Test
    void aModelThatFailsIsReportedAndTheOtherModelStillScores() throws Exception {
        AbsMean bad = new AbsMean(manifest("hangs", RATE, RATE, RATE), 2);
        AbsMean good = new AbsMean(manifest("tone", RATE, RATE, RATE), 0);
        FakeDecoder decoder = new FakeDecoder(toneIn(4, 0, 4, RATE), Optional.empty());
        List<Signal> out = run(decoder, MediaType.WAV, bad, good);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).value()).isEqualTo("failed");
        assertThat(out.get(0).attributes())
                .containsEntry("error", "detect.timeout")
                .containsEntry("model", "hangs");
        assertThat(bad.seen).hasSize(2); // not run again after it failed
        assertThat(out.get(1).attributes()).containsEntry("synthetic", "true");
        assertThat(decoder.calls).hasValue(1); // one decode per sample rate, shared by both models
        Assessment a = new Assessor().assess(out);
        assertThat(a.reasons().toString()).contains("detector.failed", "hangs", "detect.timeout");
    }

    @Test
    void soundThatCannotBeDecodedGivesAFailedSignalWithoutTheServerPath() throws Exception {
        AbsMean d = new AbsMean(manifest("tone", RATE, RATE, RATE), 0);
        FakeDecoder corrupt = new FakeDecoder(
                new float[0],
                Optional.of(f ->
                        new MediaRejectedException(RejectionCode.CORRUPT, f + ": no audio sample could be decoded")));
        List<Signal> out = run(corrupt, MediaType.MP3, d);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).attributes())
                .containsEntry("error", "media.corrupt")
                .containsEntry("synthetic", "false")
                .containsEntry("message", "the sound cannot be decoded: no audio sample could be decoded");
        assertThat(d.seen).isEmpty();
    }

    @Test
    void aSilentVideoGivesNoAudioSignalAndImagesAreNotDecoded() throws Exception {
        AbsMean d = new AbsMean(manifest("tone", RATE, RATE, RATE), 0);
        FakeDecoder none = new FakeDecoder(
                new float[0],
                Optional.of(f -> new MediaRejectedException(RejectionCode.NO_STREAM, f + ": has no audio stream")));
        assertThat(run(none, MediaType.MP4, d)).isEmpty();
        assertThat(run(none, MediaType.WAV, d).get(0).attributes()).containsEntry("error", "media.no_stream");
        FakeDecoder ok = new FakeDecoder(toneIn(1, 0, 1, RATE), Optional.empty());
        assertThat(run(ok, MediaType.PNG, d)).isEmpty();
        assertThat(ok.calls).hasValue(0);
    }

    @Test
    void aHighSampleRateGetsAShorterDecodeLimitSoTheClipStaysBounded() throws Exception {
        AbsMean d = new AbsMean(manifest("hifi", 192_000, 4096, 4096), 0);
        FakeDecoder ok = new FakeDecoder(toneIn(1, 0, 1, 192_000), Optional.empty());
        run(ok, MediaType.FLAC, d);
        assertThat(ok.lastLimits.maxDuration().toMillis() * 192_000 / 1000)
                .isLessThanOrEqualTo(AudioDetectorExtractor.MAX_SAMPLES)
                .isGreaterThan(AudioDetectorExtractor.MAX_SAMPLES - 192_000);
        FakeDecoder low = new FakeDecoder(toneIn(1, 0, 1, RATE), Optional.empty());
        run(low, MediaType.FLAC, new AbsMean(manifest("tone", RATE, RATE, RATE), 0));
        assertThat(low.lastLimits).isEqualTo(DecodeLimits.DEFAULT); // an hour at 16 kHz fits
    }
}
