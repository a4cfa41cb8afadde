package org.pramaan.detect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator says about one model, installed next to its weights (issue 16). Read by
 * {@link ManifestReader}; a model is loaded only when its weights hash to {@link #sha256()}.
 *
 * @param id                stable name, lower-case letters, digits, {@code . _ -}
 * @param version           the model's version as its maker numbers it
 * @param weights           file name of the weights in the models folder (no path)
 * @param sha256            lower-case hex SHA-256 of the weights file
 * @param licence           the weights' licence (e.g. {@code MIT}); some open detectors are non-commercial
 * @param modality          what the model looks at
 * @param input             how pixels become the model's input tensor
 * @param output            which output is the score and what it means
 * @param calibration       raw output to probability, fitted on the operator's data
 * @param operatingPoint    calibrated probability at or above which the model says "synthetic" (0 &lt; t &lt; 1)
 * @param intendedUse       what the model is for (e.g. "face swaps in 720p video frames")
 * @param knownFailureModes where it is known to fail (newer generators, compression, small faces)
 * @param timeLimitMillis   longest one call may run before it is abandoned
 * @param audio             how sound becomes the input of an {@link Modality#AUDIO} model; present exactly for
 *                          those (their {@code input} then carries only the tensor's name)
 */
public record ModelManifest(
        String id,
        String version,
        String weights,
        String sha256,
        String licence,
        Modality modality,
        InputSpec input,
        OutputSpec output,
        Calibration calibration,
        double operatingPoint,
        String intendedUse,
        List<String> knownFailureModes,
        long timeLimitMillis,
        Optional<AudioInput> audio) {
    public ModelManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(intendedUse, "intendedUse");
        knownFailureModes = List.copyOf(knownFailureModes);
        Objects.requireNonNull(audio, "audio");
        if (audio.isPresent() != modality.audio())
            throw new IllegalArgumentException(
                    "an audio input spec comes with modality audio or voice-embedding, and only with them");
    }

    /** An image or face model (no audio input). */
    public ModelManifest(
            String id,
            String version,
            String weights,
            String sha256,
            String licence,
            Modality modality,
            InputSpec input,
            OutputSpec output,
            Calibration calibration,
            double operatingPoint,
            String intendedUse,
            List<String> knownFailureModes,
            long timeLimitMillis) {
        this(
                id,
                version,
                weights,
                sha256,
                licence,
                modality,
                input,
                output,
                calibration,
                operatingPoint,
                intendedUse,
                knownFailureModes,
                timeLimitMillis,
                Optional.empty());
    }

    /** How an audio model's input tensor is laid out: {@code [1, N]} or {@code [1, 1, N]} samples. */
    public enum AudioLayout {
        /** batch, samples */
        BN,
        /** batch, channel (1), samples */
        BCN
    }

    /**
     * An audio model's input: the sound resampled to {@code sampleRate} Hz, channels averaged to mono,
     * float samples in -1..1 (the waveform itself: no log-mel or other front end is computed, so a model
     * that wants one carries it in its graph), cut into windows of {@code windowSamples} every
     * {@code hopSamples}.
     */
    public record AudioInput(int sampleRate, int windowSamples, int hopSamples, AudioLayout layout) {
        public AudioInput {
            Objects.requireNonNull(layout, "layout");
            if (sampleRate <= 0 || windowSamples <= 0 || hopSamples <= 0 || hopSamples > windowSamples)
                throw new IllegalArgumentException("an audio input has a positive rate and window, and a hop of"
                        + " 1..window samples: " + sampleRate + " Hz, " + windowSamples + ", " + hopSamples);
        }

        /** The tensor's shape for one window. */
        public long[] shape() {
            return layout == AudioLayout.BN ? new long[] {1, windowSamples} : new long[] {1, 1, windowSamples};
        }

        /** One window's length in milliseconds. */
        public long windowMillis() {
            return Math.max(1, Math.round(windowSamples * 1000.0 / sampleRate));
        }
    }

    /** Tensor layout: batch, channels, height, width or batch, height, width, channels. */
    public enum Layout {
        NCHW,
        NHWC
    }

    /** Channel order the model was trained with. */
    public enum ChannelOrder {
        RGB,
        BGR
    }

    /** What the chosen output holds: already a probability, or a logit to be calibrated. */
    public enum OutputKind {
        PROBABILITY,
        LOGIT,
        /** The whole output tensor is a vector ({@link Modality#FACE_EMBEDDING} and {@link Modality#VOICE_EMBEDDING} models only). */
        EMBEDDING
    }

    /**
     * The model's input: the image is resized to {@code width}×{@code height}, each channel value
     * {@code v} in 0..1 becomes {@code (v - mean[c]) / std[c]} (c in the model's channel order); a
     * model trained on 0..255 values uses mean 0 and std 1/255.
     */
    public record InputSpec(
            String name,
            int width,
            int height,
            Layout layout,
            ChannelOrder channels,
            List<Double> mean,
            List<Double> std) {
        public InputSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(channels, "channels");
            mean = List.copyOf(mean);
            std = List.copyOf(std);
            if (mean.size() != 3 || std.size() != 3)
                throw new IllegalArgumentException("mean and std have one value per channel (3)");
        }
    }

    /**
     * The score: element {@code index} of output {@code name}.
     *
     * @param meaning what a high value means, in the model maker's words
     */
    public record OutputSpec(String name, int index, OutputKind kind, String meaning) {
        public OutputSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(meaning, "meaning");
        }
    }
}
