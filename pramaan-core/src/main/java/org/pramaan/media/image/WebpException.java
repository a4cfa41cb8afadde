package org.pramaan.media.image;

import java.io.IOException;

/**
 * The fast WebP decoder refused a file: either it is malformed (the message names the chunk or
 * structure) or it uses a feature the fast decoder leaves to ImageIO ({@link #unsupported()}:
 * lossless VP8L, animation).
 */
final class WebpException extends IOException {
    private final boolean unsupported;

    private WebpException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    static WebpException corrupt(String message) {
        return new WebpException("corrupt WebP: " + message, false);
    }

    static WebpException unsupported(String message) {
        return new WebpException("WebP feature left to ImageIO: " + message, true);
    }

    /** True when the file may be fine but uses something only the ImageIO path reads. */
    boolean unsupported() {
        return unsupported;
    }
}
