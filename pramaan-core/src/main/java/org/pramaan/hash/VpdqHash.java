package org.pramaan.hash;

import java.util.List;

/**
 * The vPDQ hash of one video: its sampled frames in frame order.
 *
 * @param frameRate     the stream's average frame rate the timestamps were computed with
 * @param framesDecoded all frames the decoder produced (hashed or not)
 */
public record VpdqHash(List<VpdqFrame> frames, double frameRate, long framesDecoded) {
    public VpdqHash {
        frames = List.copyOf(frames);
        if (!(frameRate > 0)) throw new IllegalArgumentException("frameRate must be positive, got " + frameRate);
    }

    /** The reference tools' text form, one {@link VpdqFrame#toReferenceLine()} per line. */
    public String toReferenceText() {
        StringBuilder b = new StringBuilder();
        for (VpdqFrame f : frames) b.append(f.toReferenceLine()).append('\n');
        return b.toString();
    }
}
