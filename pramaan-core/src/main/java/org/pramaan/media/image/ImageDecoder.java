package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.pramaan.media.Dimensions;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaSource;
import org.pramaan.media.MediaType;

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
     * Every pixel at full size, for readers of exact pixel positions (the SD/SDXL watermark).
     * Non-interlaced PNGs go through {@link PngDecoder} (its pixels equal ImageIO's; ImageIO reads
     * what it refuses); other formats through ImageIO.
     */
    public static BufferedImage decodeFull(MediaSource source, MediaInfo info) throws IOException {
        if (info.type() == MediaType.PNG && info.dimensions().isPresent()) {
            try {
                return PngDecoder.decodeFull(
                        source.readAll(), info.dimensions().get().pixels());
            } catch (PngException e) {
                // Interlaced, or odd in a way ImageIO may still read: ImageIO has the last word.
            }
        }
        return decode(source, info, false);
    }

    /**
     * The pixels PDQ hashes: for an image with a side over 512 px, exactly the 512×512
     * nearest-neighbour squash Meta's C++ reference hashes ({@link HashingImages}); smaller images
     * as they are. Large baseline and progressive JPEGs are decoded by {@link JpegDecoder} straight
     * to a reduced scale in the DCT domain (the shorter side kept at about 512 px or more); those
     * that need full size (small ones, or a shorter side too short to halve) by the same decoder
     * with ImageIO's exact pixels ({@link #fullJpeg}); Adobe CMYK/YCCK ones as the C++ reference
     * converts them ({@link JpegCmyk}); other JPEGs (arithmetic, 12-bit, what ImageIO reads as RGB…)
     * and other formats go through ImageIO, large JPEGs there read with source subsampling. Non-interlaced PNGs are decoded by {@link PngDecoder}
     * straight to the squash, with luma bit-identical to ImageIO's decode; interlaced ones (and any
     * it refuses) go through ImageIO.
     * Lossy WebP (simple or extended, not animated) is decoded by {@link WebpDecoder}, without the loop
     * filter (see {@link WebpDecoder#decodeForHashing}), and converted to
     * RGB only where the squash samples.
     */
    public static BufferedImage decodeForHashing(MediaSource source, MediaInfo info) throws IOException {
        if (info.type() == MediaType.JPEG && info.dimensions().isPresent()) {
            Dimensions dims = info.dimensions().get();
            int n = HashingImages.blockScale(dims.width(), dims.height(), KEEP);
            try {
                return n < 8
                        ? reducedJpeg(source.readAll(), n, dims.pixels())
                        : fullJpeg(source.readAll(), dims.pixels());
            } catch (JpegException e) {
                // Unsupported (arithmetic, 12-bit, what ImageIO would see as RGB…) or malformed for our reader: ImageIO
                // has the last word.
            }
        }
        if (info.type() == MediaType.PNG && info.dimensions().isPresent()) {
            try {
                return PngDecoder.decode(
                        source.readAll(), info.dimensions().get().pixels());
            } catch (PngException e) {
                // Interlaced, or odd in a way ImageIO may still read (it is lenient): ImageIO has the last word.
            }
        }
        if (info.type() == MediaType.WEBP && info.dimensions().isPresent()) {
            try {
                return fastWebp(source.readAll(), info.dimensions().get());
            } catch (WebpException e) {
                // Lossless, animated, or malformed for our reader: ImageIO (TwelveMonkeys) has the last word.
            }
        }
        BufferedImage img = decode(source, info, true);
        Dimensions original = info.dimensions().orElse(new Dimensions(img.getWidth(), img.getHeight()));
        return HashingImages.squash(img, original.width(), original.height());
    }

    /**
     * How much of 512 px the reduced decode's shorter side must keep. 0.98 lets a 1600×1004 photo
     * decode at 1/2 (502 px) where 1.0 would force full size; the conformance test against the C++
     * reference is what fixed this value (docs/performance.md).
     */
    static final double KEEP = 0.98;

    static BufferedImage reducedJpeg(byte[] bytes, int n, long maxPixels) throws JpegException {
        JpegFrame f = JpegDecoder.decode(bytes, n, maxPixels);
        boolean squash = HashingImages.squashed(f.width, f.height);
        int[] xs = HashingImages.sampleMap(f.width, f.outWidth(), squash),
                ys = HashingImages.sampleMap(f.height, f.outHeight(), squash);
        return f.components.length == 4 ? JpegCmyk.toImage(f, xs, ys) : JpegColour.toImage(f, xs, ys);
    }

    /**
     * A JPEG at full size with ImageIO's own pixels (libjpeg's integer IDCT, fancy upsampling and
     * colour tables: {@link JpegIslowIdct}, {@link JpegFullColour}), converted to RGB only where the
     * squash samples if it is squashed. ICC profiles are not applied (see {@link JpegFullColour}).
     */
    static BufferedImage fullJpeg(byte[] bytes, long maxPixels) throws JpegException {
        JpegFrame f = JpegDecoder.decode(bytes, 8, maxPixels);
        boolean squash = HashingImages.squashed(f.width, f.height);
        int[] xs = HashingImages.sampleMap(f.width, f.width, squash),
                ys = HashingImages.sampleMap(f.height, f.height, squash);
        return f.components.length == 4 ? JpegCmyk.toImage(f, xs, ys) : JpegFullColour.toImage(f, xs, ys);
    }

    /**
     * A lossy WebP through {@link WebpDecoder}, colour-converted only at the positions the squash
     * keeps. The frame must have the size intake probed, or the probe and the pixels disagree.
     */
    static BufferedImage fastWebp(byte[] bytes, Dimensions dims) throws WebpException {
        Vp8Frame f = WebpDecoder.decodeForHashing(bytes, dims.pixels());
        if (f.width != dims.width() || f.height != dims.height()) {
            throw WebpException.unsupported("VP8 frame " + f.width + "x" + f.height + " differs from the canvas "
                    + dims.width() + "x" + dims.height());
        }
        boolean squash = HashingImages.squashed(f.width, f.height);
        return WebpColour.toImage(
                f,
                HashingImages.sampleMap(f.width, f.width, squash),
                HashingImages.sampleMap(f.height, f.height, squash));
    }

    /**
     * Source subsampling for ImageIO reads of JPEGs our decoder leaves to ImageIO (arithmetic…) that will
     * be squashed; the same rule as the reduced decode: the shorter side keeps about 512 px. Not for
     * WebP: step 2 saves a third of TwelveMonkeys' VP8 time but put modes/I.webp at 10 bits from
     * the C++ reference, the conformance limit. PNG goes through {@link PngDecoder} unless it refuses the file.
     */
    static int hashingStep(MediaInfo info) {
        if (info.type() != MediaType.JPEG || info.dimensions().isEmpty()) return 1;
        Dimensions d = info.dimensions().get();
        return 8 / HashingImages.blockScale(d.width(), d.height(), KEEP);
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
        } catch (org.pramaan.limits.BudgetExceededException e) {
            throw e; // the request's work budget ran out: not a fault of the file
        } catch (RuntimeException e) {
            // Third-party decoders signal malformed data with runtime exceptions; report them as I/O failures.
            throw new IOException("cannot decode " + info.type() + ": " + e, e);
        } finally {
            reader.dispose();
        }
    }
}
