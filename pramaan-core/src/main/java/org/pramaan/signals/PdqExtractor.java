package org.pramaan.signals;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pramaan.hash.DihedralHashes;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.decode.StillImageDecoder;

/**
 * PDQ of a still image's decoded pixels, with its quality; leaves {@link SignalInput#PDQ}. Other
 * kinds get nothing (videos are hashed frame by frame by {@link AvHasher}). Pixels that cannot be
 * decoded refuse the file ({@code media.corrupt}): an image nobody can hash cannot be matched
 * against a bank later, so it is not stored.
 */
public final class PdqExtractor implements SignalExtractor {
    private final PdqHasher hasher;
    private final StillImageDecoder decoder;

    public PdqExtractor(PdqHasher hasher, StillImageDecoder decoder) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    @Override
    public List<Signal> extract(SignalInput input) throws MediaRejectedException {
        if (input.info().kind() != MediaKind.IMAGE) return List.of();
        PdqResult p = hasher.hash(decoder.decode(input.source(), input.info()));
        input.put(SignalInput.PDQ, p);
        return List.of(new Signal(
                SignalType.PDQ,
                p.hash().toHex(),
                SignalStrength.INFO,
                "decoded pixels",
                Map.of("quality", Integer.toString(p.quality()))));
    }

    /** The PDQ hash of all 8 rotations and mirrorings of an image (hash-only routes, the CLI's {@code hash}), from the same decoded pixels. */
    public DihedralHashes dihedral(MediaSource source, MediaInfo info) throws MediaRejectedException {
        return hasher.dihedral(decoder.decode(source, info));
    }
}
