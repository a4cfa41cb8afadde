package org.pramaan.media;

import java.io.IOException;

/** Placeholder until the full prober lands: refuses everything as unknown. */
final class StandardMediaProber implements MediaProber {
    @Override
    public MediaInfo probe(MediaSource source, MediaLimits limits) throws MediaRejectedException, IOException {
        throw new MediaRejectedException(RejectionCode.UNKNOWN_TYPE, "no prober yet");
    }
}
