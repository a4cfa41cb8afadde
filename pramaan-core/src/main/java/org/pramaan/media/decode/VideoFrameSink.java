package org.pramaan.media.decode;

/**
 * Receives a video's frames as a decoder produces them. Push, not pull, so the decoder owns its
 * native resources from open to close and a consumer cannot leak them.
 */
public interface VideoFrameSink {
    /** Called once, before any frame, with the stream's header values. */
    default void begin(VideoStreamInfo info) {}

    /**
     * Whether frame {@code frameNumber} is wanted. Frames not wanted are still decoded (later
     * frames depend on them) and counted, but not converted to RGB, which is most of the cost.
     */
    default boolean wants(long frameNumber) {
        return true;
    }

    void accept(VideoFrame frame);
}
