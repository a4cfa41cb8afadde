package org.pramaan.media;

import java.io.IOException;

/**
 * Identifies a file by magic bytes and reads its dimensions or duration from headers, refusing it
 * before decoding when it breaks a {@link MediaLimits} or is unknown, truncated or corrupt.
 */
public interface MediaProber {
    MediaInfo probe(MediaSource source, MediaLimits limits) throws MediaRejectedException, IOException;

    static MediaProber standard() {
        return new StandardMediaProber();
    }
}
