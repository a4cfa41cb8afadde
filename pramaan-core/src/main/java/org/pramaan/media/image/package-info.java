/**
 * Decoding accepted images to pixels: ImageIO with the TwelveMonkeys plug-ins (CMYK JPEG, WebP,
 * TIFF), and, for hashing, our own reduced-scale JPEG decoder ({@code Jpeg*}: baseline and
 * progressive Huffman, DCT-domain 1/2, 1/4, 1/8) with ImageIO as its fallback and test oracle,
 * and our own VP8 decoder for lossy WebP ({@code Webp*}, {@code Vp8*}: RFC 6386 key frames, planes
 * exact to libwebp), which leaves lossless and animated WebP to ImageIO.
 * EXIF orientation is never applied: Meta's PDQ references hash pixels in stored order.
 */
package org.pramaan.media.image;
