package org.pramaan.media.container;

/**
 * One PNG chunk (ISO/IEC 15948 §5.3).
 *
 * @param type       four-letter chunk type, e.g. {@code IHDR}, {@code tEXt}, {@code caBX}
 * @param offset     where the chunk's length field starts
 * @param dataOffset where the chunk data starts
 * @param length     chunk data length
 * @param crcValid   whether the stored CRC matches type + data
 */
public record PngChunk(String type, long offset, long dataOffset, int length, boolean crcValid) {}
