package org.pramaan.labels;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Puts a profile's audio prompt into a compressed audio file (port; {@code pramaan-media-ffmpeg}
 * implements it for MP3 and audio-only MP4/M4A): decoded to 16-bit PCM, the prompt inserted by
 * {@link AudioPrompt} at the programme's loudness (GB 45438-2025 §4, the rhythm "AI" at the start and
 * where the profile asks), encoded back in the input's format, the implicit labels written back, and
 * the output written whole or not at all.
 */
public interface AudioLabelWriter {
    /**
     * What was written.
     *
     * @param format      MP3 or MP4
     * @param codec       the encoder used (libmp3lame, aac)
     * @param bitRate     the output's target bit rate in bits per second
     * @param sampleRate  the output's sample rate, the input's
     * @param inputSeconds the programme's decoded duration
     */
    record Result(
            String format,
            String codec,
            long bitRate,
            int sampleRate,
            int channels,
            double inputSeconds,
            AudioPrompt.Placed placed) {}

    /**
     * Writes {@code in} with the prompt to {@code out}.
     *
     * @throws IllegalArgumentException for input that is not a readable MP3 or audio-only MP4, or too long
     */
    default Result label(Path in, Path out, LabelProfile profile) throws IOException {
        return label(in, out, profile, profile.defaultLanguage());
    }

    /** As {@link #label(Path, Path, LabelProfile)}, with the spoken prompt (when the profile asks for one) in {@code language}. */
    Result label(Path in, Path out, LabelProfile profile, String language) throws IOException;

    /**
     * The input's implicit labels (GB 45438 AIGC, IPTC digital source type) written into the re-encoded
     * {@code output}, which lost them; for adapters outside this package.
     */
    static byte[] carryImplicitLabels(byte[] input, byte[] output, MetadataWriter.Format f) throws IOException {
        return ImplicitLabels.carry(input, output, f);
    }

    /**
     * Whether {@code file} is compressed audio for this port: an MP3, or an MP4 with no video track,
     * whatever its brand. The tracks' handlers are probed (ISO/IEC 14496-12 §8.4.3, no {@code vide}
     * handler), not only the ftyp major brand, since encoders write the generic {@code isom}/{@code mp42}
     * brands on audio-only files too, which must not go to the video writer.
     */
    static boolean accepts(Path file) throws IOException {
        try (org.pramaan.media.MediaSource src = org.pramaan.media.MediaSource.open(file)) {
            org.pramaan.media.MediaType t = org.pramaan.media.MediaProber.standard()
                    .probe(src, org.pramaan.media.MediaLimits.defaults())
                    .type();
            return t == org.pramaan.media.MediaType.MP3 || t == org.pramaan.media.MediaType.M4A;
        } catch (org.pramaan.media.MediaRejectedException notAudio) {
            return false;
        }
    }
}
