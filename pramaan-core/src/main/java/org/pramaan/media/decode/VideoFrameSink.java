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

    /**
     * Whether the decoder may skip decoding frames this sink does not want. Only non-reference
     * frames are ever skipped (no other frame is predicted from them, so every frame that is
     * decoded comes out bit for bit as in a full decode), frames keep the numbers a full decode
     * gives them, and a decoder that cannot prove that numbering mid-way calls {@link #restart()}
     * and decodes the whole file again without skipping.
     */
    default boolean allowsSkipping() {
        return false;
    }

    /** Forget every frame accepted so far: the decoder starts again from the first frame. */
    default void restart() {
        throw new UnsupportedOperationException("this sink cannot restart; it must not allow skipping");
    }
}
