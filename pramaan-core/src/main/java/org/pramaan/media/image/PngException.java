package org.pramaan.media.image;

import java.io.IOException;

/**
 * The fast PNG decoder refused a file: either it is malformed (the message names the chunk, row or
 * value) or it uses a feature the fast decoder leaves to ImageIO ({@link #unsupported()}).
 * {@link ImageDecoder} falls back to ImageIO on both, so ImageIO keeps the last word on odd files.
 */
final class PngException extends IOException {
    private final boolean unsupported;

    private PngException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    static PngException corrupt(String message) {
        return new PngException("corrupt PNG: " + message, false);
    }

    static PngException unsupported(String message) {
        return new PngException("PNG feature left to ImageIO: " + message, true);
    }

    /** True when the file may be fine but uses something only the ImageIO path reads (Adam7 interlace…). */
    boolean unsupported() {
        return unsupported;
    }
}
