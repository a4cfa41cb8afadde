package org.pramaan.detect;

/**
 * What part of the item drove a score, so a reviewer sees where to look instead of a bare number
 * (the complaint against commercial detectors, issue 16). Coordinates are fractions of the decoded
 * image (0..1), so they hold whatever size the pixels were decoded at.
 */
public sealed interface Evidence {
    /** A rectangle of an image or frame, as fractions of its width and height. */
    record Region(double x, double y, double width, double height) implements Evidence {
        public Region {
            if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1.000001 && y + height <= 1.000001))
                throw new IllegalArgumentException("a region lies within the image (0..1): got x=" + x + " y=" + y
                        + " w=" + width + " h=" + height);
        }

        /** The whole image: a whole-image model looks at every pixel. */
        public static Region whole() {
            return new Region(0, 0, 1, 1);
        }
    }

    /** A video frame, by index among the sampled frames and its presentation time. */
    record Frame(int index, long timeMillis) implements Evidence {
        public Frame {
            if (index < 0 || timeMillis < 0)
                throw new IllegalArgumentException(
                        "a frame has a non-negative index and time: " + index + ", " + timeMillis);
        }
    }

    /** A stretch of audio or video. */
    record TimeRange(long startMillis, long endMillis) implements Evidence {
        public TimeRange {
            if (startMillis < 0 || endMillis <= startMillis)
                throw new IllegalArgumentException("a time range starts at or after 0 and ends after it starts: "
                        + startMillis + ".." + endMillis);
        }
    }

    /** A short human description ("region x=0.10 y=0.20 w=0.30 h=0.40"), for reasons and the audit log. */
    static String describe(Evidence e) {
        return switch (e) {
            case Region r ->
                String.format(
                        java.util.Locale.ROOT,
                        "region x=%.2f y=%.2f w=%.2f h=%.2f",
                        r.x(),
                        r.y(),
                        r.width(),
                        r.height());
            case Frame f -> "frame " + f.index() + " at " + f.timeMillis() + " ms";
            case TimeRange t -> "time " + t.startMillis() + "-" + t.endMillis() + " ms";
        };
    }
}
