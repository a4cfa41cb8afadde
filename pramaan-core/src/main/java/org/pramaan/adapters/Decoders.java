package org.pramaan.adapters;

import java.util.Objects;
import java.util.Optional;
import org.pramaan.media.decode.AudioDecoder;
import org.pramaan.media.decode.VideoDecoder;

/** The decoder ports a deployment plugs in; an absent one turns off the signals that need it. */
public record Decoders(Optional<VideoDecoder> video, Optional<AudioDecoder> audio) {
    public Decoders {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(audio, "audio");
    }

    /** No decoding: images only, no vPDQ or audio fingerprints. */
    public static Decoders none() {
        return new Decoders(Optional.empty(), Optional.empty());
    }
}
