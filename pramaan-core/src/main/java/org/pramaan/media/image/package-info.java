/**
 * Decoding accepted images to pixels: ImageIO with the TwelveMonkeys plug-ins (CMYK JPEG, WebP,
 * TIFF), and, for hashing, our own JPEG decoder ({@code Jpeg*}: baseline and progressive Huffman,
 * DCT-domain 1/2, 1/4, 1/8 for large images, full size with pixels bit-identical to ImageIO's
 * libjpeg, Adobe CMYK/YCCK as Meta's C++ reference converts them), PNG decoder ({@code Png*}: non-interlaced, all
 * colour types and depths, only the squash's pixels converted) and VP8 decoder for lossy WebP
 * ({@code Webp*}, {@code Vp8*}: RFC 6386 key frames, planes exact to libwebp), each with ImageIO as
 * its fallback and test oracle (lossless and animated WebP stay with ImageIO).
 * EXIF orientation is never applied: Meta's PDQ references hash pixels in stored order.
 */
package org.pramaan.media.image;
