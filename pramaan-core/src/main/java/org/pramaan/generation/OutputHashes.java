package org.pramaan.generation;

import java.io.IOException;
import java.util.Optional;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.StandardStillImageDecoder;

/** The perceptual hash of an output, for the {@code generated} bank and for lookups (images: PDQ). */
final class OutputHashes {
    private final PdqHasher pdq = new PdqHasher();
    private final StandardStillImageDecoder decoder = new StandardStillImageDecoder();

    /** PDQ of an image; empty for other media or an image the decoder refuses (SHA-256 still identifies it). */
    Optional<PdqResult> pdq(byte[] file) throws IOException {
        try {
            MediaSource src = MediaSource.of(file);
            MediaInfo info = MediaProber.standard().probe(src, MediaLimits.defaults());
            if (info.kind() != MediaKind.IMAGE) return Optional.empty();
            return Optional.of(pdq.hash(decoder.decode(src, info)));
        } catch (MediaRejectedException e) {
            return Optional.empty();
        }
    }
}
