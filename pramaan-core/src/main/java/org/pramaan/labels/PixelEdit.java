package org.pramaan.labels;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;

/**
 * A pixel-level edit of a JPEG or PNG (and WebP, given an encoder) that keeps everything else a label step keeps: the size checks
 * before decoding ({@link VisibleLabels#MAX_PIXELS}), the format, and the implicit labels already in
 * the file ({@link ImplicitLabels#carry}). The keyed watermark step uses it; the visible label draws
 * through the same codec.
 */
public final class PixelEdit {
    private PixelEdit() {}

    /** A pixel edit: the new sRGB pixels, or empty when it has nothing to do to this image. */
    @FunctionalInterface
    public interface Edit {
        Optional<int[]> apply(int width, int height, int[] argb);
    }

    /**
     * Decodes {@code file}, applies {@code edit} to its sRGB pixels (ARGB ints, row by row; alpha is
     * kept from the input whatever the edit returns) and re-encodes it in the input's format; empty
     * when the edit declined.
     *
     * @throws IllegalArgumentException naming the file for anything that is not a decodable JPEG or PNG
     */
    public static Optional<byte[]> apply(byte[] file, Edit edit) throws IOException {
        return apply(file, edit, Optional.empty());
    }

    /**
     * As {@link #apply(byte[], Edit)}; a WebP is edited too when {@code webp} is given, and comes back as
     * WebP (lossless stays lossless, lossy is re-encoded at {@link WebpEncoder#LOSSY_QUALITY}).
     */
    public static Optional<byte[]> apply(byte[] file, Edit edit, Optional<WebpEncoder> webp) throws IOException {
        MetadataWriter.Format f = MetadataWriter.format(file);
        if (f != MetadataWriter.Format.JPEG
                && f != MetadataWriter.Format.PNG
                && !(f == MetadataWriter.Format.WEBP && webp.isPresent()))
            throw new IllegalArgumentException(
                    "file: expected a JPEG or PNG" + (webp.isPresent() ? " or WebP" : "") + ", found " + f);
        BufferedImage img = VisibleLabels.decode(file);
        int w = img.getWidth(), h = img.getHeight();
        int[] in = img.getRGB(0, 0, w, h, null, 0, w);
        Optional<int[]> edited = edit.apply(w, h, in.clone());
        if (edited.isEmpty()) return Optional.empty();
        int[] out = edited.get();
        if (out.length != in.length)
            throw new IllegalStateException("edit returned " + out.length + " pixels for " + in.length);
        for (int i = 0; i < out.length; i++) out[i] = in[i] & 0xff000000 | out[i] & 0xffffff;
        img.setRGB(0, 0, w, h, out, 0, w);
        byte[] encoded = f == MetadataWriter.Format.WEBP
                ? webp.orElseThrow().encode(img, WebpEncoder.lossless(file))
                : ImageCodec.encode(img, f);
        return Optional.of(ImplicitLabels.carry(file, encoded, f));
    }

    /** Decoded sRGB pixels (ARGB ints, row by row). */
    public record Pixels(int width, int height, int[] argb) {}

    /**
     * Decodes a JPEG, PNG or WebP (our own decoder; no encoder needed) with the same checks as {@link #apply}.
     *
     * @throws IllegalArgumentException naming the file for anything that is not a decodable JPEG, PNG or WebP
     */
    public static Pixels read(byte[] file) throws IOException {
        MetadataWriter.Format f = MetadataWriter.format(file);
        if (f != MetadataWriter.Format.JPEG && f != MetadataWriter.Format.PNG && f != MetadataWriter.Format.WEBP)
            throw new IllegalArgumentException("file: expected a JPEG, PNG or WebP, found " + f);
        BufferedImage img = VisibleLabels.decode(file);
        int w = img.getWidth(), h = img.getHeight();
        return new Pixels(w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }
}
