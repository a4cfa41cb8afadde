/**
 * Adapter: the core decode ports ({@link org.pramaan.media.decode.VideoDecoder},
 * {@link org.pramaan.media.decode.AudioDecoder}) on bytedeco's FFmpeg 8.1 build, whose natives come
 * from Maven (LGPL build: decodes H.264/HEVC/VP9/AV1, encodes mpeg4/ffv1/mjpeg, no x264). No system
 * FFmpeg is used. FFmpeg's own logging is silenced; failures surface as
 * {@link org.pramaan.media.MediaRejectedException}s naming the file and FFmpeg's error text.
 */
package org.pramaan.ffmpeg;
