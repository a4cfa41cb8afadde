package org.pramaan.ffmpeg;

import org.pramaan.media.decode.AudioDecoder;
import org.pramaan.media.decode.VideoDecoder;

/** Entry point of the module: the decoders the composition root wires into core. */
public final class FfmpegMedia {
    private FfmpegMedia() {}

    public static VideoDecoder videoDecoder() {
        return new FfmpegVideoDecoder();
    }

    public static AudioDecoder audioDecoder() {
        return new FfmpegAudioDecoder();
    }
}
