package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaSource;

/**
 * Decodes an image intake has accepted (so its pixel count is already within limits). The reader
 * is chosen by the sniffed type, never by file name. GIF and other multi-frame formats give the
 * first frame. EXIF orientation is not applied (see {@link org.pramaan.hash.PdqHasher}).
 */
public final class ImageDecoder {
    private ImageDecoder() {}

    /**
     * Decodes at full resolution. For hashing, {@link #decodeForHashing} may skip pixels first.
     */
    public static BufferedImage decode(MediaSource source, MediaInfo info) throws IOException {
        return decode(source, info, false);
    }

    /**
     * PDQ looks at no more than 512×512 pixels of an image (the reference squashes larger ones by
     * nearest neighbour), so reading every k-th pixel of a big JPEG first changes little but the
     * decode time. k keeps at least 1024 px on the shorter side, so the squash still has two
     * source pixels per output pixel to choose from.
     */
    public static BufferedImage decodeForHashing(MediaSource source, MediaInfo info) throws IOException {
        return decode(source, info, true);
    }

    static int hashingStep(MediaInfo info) {
        if (info.type() != org.pramaan.media.MediaType.JPEG || info.dimensions().isEmpty()) return 1;
        int shorter = Math.min(info.dimensions().get().width(), info.dimensions().get().height());
        return Math.max(1, shorter / 1024);
    }

    private static BufferedImage decode(MediaSource source, MediaInfo info, boolean forHashing) throws IOException {
        if (info.kind() != MediaKind.IMAGE) throw new IOException(info.type() + " is not an image");
        String format = switch (info.type()) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case GIF -> "gif";
            case WEBP -> "webp";
            case TIFF -> "tiff";
            default -> throw new IOException("no decoder for " + info.type() + " images yet");
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) throw new IOException("no ImageIO reader for " + format);
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(source.readAll()))) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = forHashing ? hashingStep(info) : 1;
            if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage img = reader.read(0, param);
            if (img == null) throw new IOException(format + " reader returned no image");
            return img;
        } catch (RuntimeException e) {
            // Third-party decoders signal malformed data with runtime exceptions; report them as I/O failures.
            throw new IOException("cannot decode " + info.type() + ": " + e, e);
        } finally {
            reader.dispose();
        }
    }
}
