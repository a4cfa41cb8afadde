package org.pramaan.media.decode;

import java.nio.file.Path;
import org.pramaan.media.MediaRejectedException;

/** Decodes the best audio stream of a file (or an audio-only file) to mono PCM (port). */
public interface AudioDecoder {
    /**
     * Decodes the sound of {@code file} to mono samples at {@code sampleRate}.
     *
     * @param sampleRate the rate to resample to, e.g. 11,025 Hz for Chromaprint-style fingerprints
     * @throws MediaRejectedException for an empty, corrupt or truncated file, one with no audio
     *                                stream, or one longer than {@code limits.maxDuration()}
     */
    AudioClip decodeMono(Path file, int sampleRate, DecodeLimits limits) throws MediaRejectedException;
}
