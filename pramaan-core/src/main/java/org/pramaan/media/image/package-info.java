/**
 * Decoding accepted images to pixels: ImageIO with the TwelveMonkeys plug-ins (CMYK JPEG, WebP,
 * TIFF), and, for hashing, our own reduced-scale JPEG decoder ({@code Jpeg*}: baseline and
 * progressive Huffman, DCT-domain 1/2, 1/4, 1/8) with ImageIO as its fallback and test oracle.
 * EXIF orientation is never applied: Meta's PDQ references hash pixels in stored order.
 */
package org.pramaan.media.image;
