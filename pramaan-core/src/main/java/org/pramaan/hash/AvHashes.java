package org.pramaan.hash;

import java.util.List;
import java.util.Optional;

/**
 * The time-based hashes of a video or audio file: vPDQ frames (video) and an audio fingerprint
 * (audio, or a video's sound track), and why any of them could not be computed. Kept apart from
 * the exact and PDQ hashes because they need a decoder, and a file that cannot be decoded keeps
 * its exact hashes (IT Rules r.4(4): a removed file must still be blocked by its bytes).
 *
 * @param vpdq   sampled frames in frame order; empty when not a video or not decodable
 * @param audio  the fingerprint of the (best) audio stream, if there is one
 * @param errors {@code code: message} per hash that failed, e.g. {@code vpdq: media.corrupt: …};
 *               reported with the media, never stored in a bank
 */
public record AvHashes(List<VpdqFrame> vpdq, Optional<AudioFingerprint> audio, List<String> errors) {
    public static final AvHashes NONE = new AvHashes(List.of(), Optional.empty(), List.of());

    public AvHashes {
        // Rows written before these hashes existed have no such fields: read them as none.
        vpdq = vpdq == null ? List.of() : List.copyOf(vpdq);
        audio = audio == null ? Optional.empty() : audio;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public boolean hasHashes() {
        return !vpdq.isEmpty() || audio.isPresent();
    }

    /** The hashes without the error notes: what a bank keeps. */
    public AvHashes hashesOnly() {
        return errors.isEmpty() ? this : new AvHashes(vpdq, audio, List.of());
    }
}
