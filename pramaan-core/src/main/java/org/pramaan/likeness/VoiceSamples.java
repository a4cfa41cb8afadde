package org.pramaan.likeness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.ModelManifest;
import org.pramaan.detect.VoiceEmbedder;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.AudioClip;
import org.pramaan.media.decode.AudioDecoder;
import org.pramaan.media.decode.DecodeLimits;

/**
 * Turns one enrolment voice sample (an audio file) into one speaker embedding (issue 16): probed as
 * audio, decoded to mono at the model's rate (at most {@link #MAX_DURATION}), cut into the model's
 * windows, silent windows dropped ({@link VoicePrints#SILENCE_RMS}), and the embedding of the sample
 * is the mean of its windows' embeddings, L2-normalised: one vector per sample, as one per reference
 * image. The audio is read from a temporary file that is deleted before this returns; only the
 * vector is kept.
 */
public final class VoiceSamples {
    /** Samples per person: a few clean recordings describe a voice; more adds cost, not accuracy. */
    public static final int MAX_SAMPLES = 10;
    /** One sample's bytes: a minute of 48 kHz 16-bit stereo WAV is 11 MiB. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /** Longest sample decoded; longer is refused by name, not cut. */
    public static final Duration MAX_DURATION = Duration.ofSeconds(60);
    /** Most windows embedded per sample (a minute at a hop of a quarter second). */
    public static final int MAX_WINDOWS = 240;

    private final VoiceEmbedder model;
    private final AudioDecoder decoder;
    private final MediaProber prober;

    public VoiceSamples(VoiceEmbedder model, AudioDecoder decoder, MediaProber prober) {
        this.model = Objects.requireNonNull(model, "model");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.prober = Objects.requireNonNull(prober, "prober");
    }

    public VoiceEmbedder model() {
        return model;
    }

    /**
     * The embedding of one sample.
     *
     * @throws Invalid  naming {@code field}: too large, not audio, undecodable, too long, shorter than one
     *                  window, or silent
     * @throws Conflict {@code likeness.unavailable} when the model fails on it
     */
    public Embedding embed(byte[] bytes, String field) {
        if (bytes.length > MAX_BYTES)
            throw new Invalid(field, field + " is " + bytes.length + " bytes; at most " + MAX_BYTES);
        ModelManifest.AudioInput in = model.input();
        AudioClip clip = decode(bytes, field, in.sampleRate());
        float[] s = clip.samples();
        if (s.length < in.windowSamples())
            throw new Invalid(
                    field,
                    field + " is " + seconds(s.length, in.sampleRate()) + " of sound; a voice sample is at least one"
                            + " window of the model, " + seconds(in.windowSamples(), in.sampleRate()));
        List<Vector> voiced = new ArrayList<>();
        try {
            for (VoicePrints.Window w : VoicePrints.embed(model, s, MAX_WINDOWS))
                w.vector().ifPresent(voiced::add);
        } catch (DetectorFailure e) {
            throw new Conflict(
                    "likeness.unavailable", "the voice-embedding model failed on " + field + ": " + e.getMessage());
        }
        if (voiced.isEmpty())
            throw new Invalid(
                    field,
                    field + " is silent: no window of " + seconds(in.windowSamples(), in.sampleRate())
                            + " reaches -45 dBFS; a voice sample holds the person speaking");
        Optional<Vector> mean = VoicePrints.mean(voiced);
        if (mean.isEmpty())
            throw new Invalid(field, field + "'s windows give embeddings that cancel out; send a cleaner recording");
        ModelManifest m = model.manifest();
        return new Embedding(LikenessModality.VOICE, m.id(), m.version(), mean.get());
    }

    private AudioClip decode(byte[] bytes, String field, int rate) {
        Path temp = null;
        try (MediaSource src = MediaSource.of(bytes)) {
            // Only the header is read here; the pixel limit matters to pictures, which are refused next anyway.
            MediaInfo info = prober.probe(src, new MediaLimits(MAX_BYTES, MediaLimits.DEFAULT_MAX_PIXELS));
            if (info.type().kind() != MediaKind.AUDIO)
                throw new Invalid(field, field + " is " + info.type() + ", not an audio file");
            // The decoder port reads files (ffmpeg); the sample's bytes live only as long as this call.
            temp = Files.createTempFile("pramaan-voice-sample", ".audio");
            Files.write(temp, bytes);
            return decoder.decodeMono(temp, rate, new DecodeLimits(MAX_DURATION, 1, 1));
        } catch (MediaRejectedException e) {
            if (e.code() == RejectionCode.TOO_LONG)
                throw new Invalid(field, field + " is longer than " + MAX_DURATION.toSeconds() + " s");
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (temp != null) message = message.replace(temp.toString(), field);
            throw new Invalid(
                    field, field + " cannot be read as audio (" + e.code().code() + "): " + message);
        } catch (IOException e) {
            throw new Invalid(field, field + " cannot be read as audio: " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // The temporary folder's own clean-up removes it; the sample holds no secret beyond the upload.
                }
            }
        }
    }

    private static String seconds(long samples, int rate) {
        return String.format(Locale.ROOT, "%.2f s", samples / (double) rate);
    }
}
