/**
 * Walkers over container structures (JPEG segments, PNG chunks, RIFF chunks, BMFF boxes, GIF blocks,
 * ID3v2 frames, TIFF IFDs) shared by probing, signal extraction and C2PA location. Each walker bounds the number of structures it reads and
 * never trusts a length field beyond the bytes actually present.
 */
package org.pramaan.media.container;
