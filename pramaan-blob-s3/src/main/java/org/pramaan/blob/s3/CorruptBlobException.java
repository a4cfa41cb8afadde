package org.pramaan.blob.s3;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Bytes read back from the bucket that differ from those stored: reported, never served as evidence. */
public final class CorruptBlobException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    CorruptBlobException(String where, String expected, Throwable cause) {
        super(new IOException("blob " + where + " is corrupt: its bytes do not match " + expected, cause));
    }
}
