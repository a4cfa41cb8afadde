package org.pramaan.signals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoDecoder;
import org.pramaan.media.decode.VideoFrame;
import org.pramaan.media.decode.VideoFrameSink;

/** The one decoding pass of {@link VideoDetectorExtractor} over an upload's video (issue 16). */
final class VideoPass {
    private VideoPass() {}

    /** Decodes the upload's file (spooled to a temporary file first when it is held in memory) into {@code sink}. */
    static void decode(VideoDecoder decoder, SignalInput input, DecodeLimits limits, VideoFrameSink sink)
            throws MediaRejectedException {
        Optional<Path> file = input.source().file();
        Path temp = null;
        try {
            if (file.isEmpty()) {
                temp = Files.createTempFile("pramaan-detect", ".media");
                Files.write(temp, input.source().readAll());
            }
            decoder.decode(file.orElse(temp), limits, 0, sink);
        } catch (IOException e) {
            throw new MediaRejectedException(RejectionCode.CORRUPT, "video cannot be spooled for the detectors: " + e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // A temporary file left in the system's temp folder; nothing else depends on it.
                }
            }
        }
    }

    /** A frame's RGB24 pixels as an image the models take. */
    static BufferedImage image(VideoFrame f) {
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        // Straight into the raster: setRGB converts pixel by pixel through the colour model.
        int[] px = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        byte[] rgb = f.rgb();
        for (int i = 0, p = 0; i < px.length; i++, p += 3)
            px[i] = (rgb[p] & 0xff) << 16 | (rgb[p + 1] & 0xff) << 8 | (rgb[p + 2] & 0xff);
        return img;
    }
}
