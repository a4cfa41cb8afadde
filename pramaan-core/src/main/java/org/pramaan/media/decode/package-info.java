/**
 * Ports for decoding video and audio into plain values ({@link org.pramaan.media.decode.VideoFrame},
 * {@link org.pramaan.media.decode.AudioClip}). Core hashes and fingerprints those values; the
 * codecs live in an adapter module ({@code pramaan-media-ffmpeg}) so core never sees native code.
 * Still images go through {@link org.pramaan.media.decode.StillImageDecoder} the same way, so the
 * PDQ extractor is handed its decoder; core's own ({@code media.image.StandardStillImageDecoder})
 * is the standard one the composition root passes.
 * Every decoder enforces {@link org.pramaan.media.decode.DecodeLimits} and reports bad input as a
 * {@link org.pramaan.media.MediaRejectedException}.
 */
package org.pramaan.media.decode;
