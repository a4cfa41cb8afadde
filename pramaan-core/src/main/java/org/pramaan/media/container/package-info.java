/**
 * Walkers over container structures (JPEG segments, PNG chunks, RIFF chunks, BMFF boxes, GIF blocks,
 * ID3v2 frames, TIFF IFDs) shared by probing, signal extraction and C2PA location. Each walker bounds the number of structures it reads and
 * never trusts a length field beyond the bytes actually present.
 *
 * <p>Writers (in memory, for files that fit a byte array): {@link org.pramaan.media.container.JpegSegmentWriter}
 * (APPn runs, JPEG-XT APP11 splitting), {@link org.pramaan.media.container.PngChunkWriter} (chunk before IDAT),
 * {@link org.pramaan.media.container.RiffChunkWriter} (chunk appended, RIFF size fixed),
 * {@link org.pramaan.media.container.WebpExtended} (simple to VP8X), {@link org.pramaan.media.container.Id3TagWriter}
 * (tag rebuilt, GEOB frames) and {@link org.pramaan.media.container.BmffBoxWriter} (top-level box after ftyp,
 * stco/co64 fixed). Each returns a {@link org.pramaan.media.container.Spliced}: the new bytes and where the
 * inserted structure lies, for hash exclusions.
 */
package org.pramaan.media.container;
