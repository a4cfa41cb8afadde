package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaSource;

/** Placeholder: decodes an accepted image to RGB pixels. */
public final class ImageDecoder {
    private ImageDecoder() {}

    public static BufferedImage decode(MediaSource source, MediaInfo info) throws IOException {
        throw new UnsupportedOperationException("image decoding lands with the PDQ work");
    }
}
