package org.pramaan.media.decode;

import java.awt.image.BufferedImage;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;

/**
 * Decodes an image intake has accepted into the pixels perceptual hashing reads (port, like
 * {@link VideoDecoder}); {@code org.pramaan.media.image.StandardStillImageDecoder} is core's own.
 * The pixels may be reduced for hashing (PDQ reads at most 512×512), so this is no source of exact
 * pixel positions.
 */
public interface StillImageDecoder {
    /**
     * Decodes the file's pixels for hashing.
     *
     * @param info what the prober found (type, dimensions within limits); the decoder is chosen by it,
     *             never by a file name
     * @throws MediaRejectedException {@code media.corrupt} when the headers were fine but the pixels
     *                                cannot be decoded; the message names the type and the problem
     */
    BufferedImage decode(MediaSource source, MediaInfo info) throws MediaRejectedException;
}
