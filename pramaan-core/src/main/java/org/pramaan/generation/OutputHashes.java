package org.pramaan.generation;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.StandardStillImageDecoder;
import org.pramaan.signals.AvHasher;

/**
 * The perceptual hashes of an output, for the {@code generated} bank and for lookups: PDQ for
 * images, vPDQ frames and an audio fingerprint for video and audio where the decoders are present
 * (the same {@link AvHasher} intake uses, so a platform's upload hashes the same way).
 */
final class OutputHashes {
    /** What a file hashes to; empty parts for media the hashers do not take or cannot decode. */
    record Hashes(Optional<PdqResult> pdq, AvHashes av) {}

    private final PdqHasher pdq = new PdqHasher();
    private final StandardStillImageDecoder decoder = new StandardStillImageDecoder();
    private final AvHasher av;

    OutputHashes(AvHasher av) {
        this.av = Objects.requireNonNull(av, "av");
    }

    Hashes of(byte[] file) throws IOException {
        try {
            MediaSource src = MediaSource.of(file);
            MediaInfo info = MediaProber.standard().probe(src, MediaLimits.defaults());
            if (info.kind() == MediaKind.IMAGE)
                return new Hashes(Optional.of(pdq.hash(decoder.decode(src, info))), AvHashes.NONE);
            return new Hashes(Optional.empty(), av.hash(src, info).hashesOnly());
        } catch (MediaRejectedException e) {
            // SHA-256 still identifies the exact file.
            return new Hashes(Optional.empty(), AvHashes.NONE);
        }
    }
}
