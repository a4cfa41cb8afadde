package org.pramaan.media.audio;

/**
 * Mono PCM samples in −1..1 at {@code sampleRate} Hz, mixed down from {@code sourceChannels} channels.
 *
 * @param samples owned by this value and not copied (audio is large); callers must not modify it
 */
public record DecodedAudio(float[] samples, int sampleRate, int sourceChannels) {
    public DecodedAudio {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        if (sourceChannels <= 0) throw new IllegalArgumentException("channels must be positive, got " + sourceChannels);
    }

    public double durationSeconds() {
        return (double) samples.length / sampleRate;
    }
}
