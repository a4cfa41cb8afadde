package org.pramaan.media.decode;

import java.util.Objects;

/** Mono PCM audio: samples in -1..1 at {@code sampleRate} Hz (channels averaged). */
public record AudioClip(int sampleRate, float[] samples) {
    public AudioClip {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be positive, got " + sampleRate);
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
