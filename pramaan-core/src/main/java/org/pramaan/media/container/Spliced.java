package org.pramaan.media.container;

/**
 * The result of a container rewrite: the new file bytes and where the inserted structure lies in them
 * (the whole segment run, chunk, frame or box, headers included), so that a caller can exclude exactly
 * those bytes from a content hash (C2PA 2.2 §18.5) or point at them.
 *
 * @param bytes  the rewritten file
 * @param start  offset of the first inserted byte
 * @param length number of inserted bytes (0 when nothing was inserted)
 */
public record Spliced(byte[] bytes, long start, long length) {
    public Spliced {
        if (start < 0 || length < 0 || start + length > bytes.length)
            throw new IllegalArgumentException(
                    "span [" + start + ", +" + length + ") outside " + bytes.length + " bytes");
    }

    public long end() {
        return start + length;
    }
}
