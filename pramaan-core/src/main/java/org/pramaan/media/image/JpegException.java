package org.pramaan.media.image;

import java.io.IOException;

/**
 * The fast JPEG decoder refused a file: either it is malformed (the message names the structure
 * and offset) or it uses a feature the fast decoder leaves to ImageIO ({@link #unsupported()}).
 */
final class JpegException extends IOException {
    private final boolean unsupported;

    private JpegException(String message, boolean unsupported) {
        super(message);
        this.unsupported = unsupported;
    }

    static JpegException corrupt(String message) {
        return new JpegException("corrupt JPEG: " + message, false);
    }

    static JpegException unsupported(String message) {
        return new JpegException("JPEG feature left to ImageIO: " + message, true);
    }

    /** True when the file may be fine but uses something only the ImageIO path reads (CMYK, arithmetic coding…). */
    boolean unsupported() {
        return unsupported;
    }
}
