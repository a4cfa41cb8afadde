package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.StillImageDecoder;

/** Core's image decoding for hashing: {@link ImageDecoder#decodeForHashing} (its own JPEG, PNG and WebP decoders, else ImageIO). */
public final class StandardStillImageDecoder implements StillImageDecoder {
    @Override
    public BufferedImage decode(MediaSource source, MediaInfo info) throws MediaRejectedException {
        try {
            return ImageDecoder.decodeForHashing(source, info);
        } catch (IOException | RuntimeException e) {
            // Headers were fine but the pixels are not: refuse rather than store something undecodable.
            throw new MediaRejectedException(
                    RejectionCode.CORRUPT, info.type() + " image could not be decoded: " + e.getMessage(), e);
        }
    }
}
