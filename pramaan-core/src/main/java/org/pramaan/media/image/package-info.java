/**
 * Decoding accepted images to pixels: ImageIO with the TwelveMonkeys plug-ins (CMYK JPEG, WebP,
 * TIFF), and, for hashing, our own reduced-scale JPEG decoder ({@code Jpeg*}: baseline and
 * progressive Huffman, DCT-domain 1/2, 1/4, 1/8) and PNG decoder ({@code Png*}: non-interlaced, all
 * colour types and depths, only the squash's pixels converted), each with ImageIO as its fallback
 * and test oracle.
 * EXIF orientation is never applied: Meta's PDQ references hash pixels in stored order.
 */
package org.pramaan.media.image;
