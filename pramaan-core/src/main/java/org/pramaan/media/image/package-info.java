/** Decoding accepted images to pixels (ImageIO with the TwelveMonkeys plug-ins: CMYK JPEG, WebP, TIFF). */
package org.pramaan.media.image;
