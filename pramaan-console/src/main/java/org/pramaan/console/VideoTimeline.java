package org.pramaan.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pramaan.errors.Invalid;

/**
 * Where matched vPDQ segments sit on a video's timeline, in the SVG's user units ({@link #WIDTH} across): the case view
 * draws each as a bar over the video's length. The CSP allows no inline style, so positions are SVG attributes, not CSS.
 * Overlapping segments (two bank items matching the same seconds) go on separate lanes so neither hides the other.
 *
 * @param durationSeconds the video's length, from its container header
 * @param bars            one per segment, in start order
 * @param lanes           how many rows of bars there are (at least 1)
 */
public record VideoTimeline(double durationSeconds, List<Bar> bars, int lanes) {
    /** The SVG viewBox width: positions are thousandths of the duration. */
    public static final int WIDTH = 1000;
    /** A bar never drawn thinner than this, so a one-frame match can still be seen and clicked. */
    static final int MIN_WIDTH = 4;
    /** Height of one lane in user units (bar plus gap). */
    public static final int LANE = 14;

    /** A matched run: query seconds [start, end] matched {@code item} ({@code bank#id}) on {@code frames} frames. */
    public record Segment(String item, double start, double end, int frames) {}

    /** A segment placed on the bar: {@code x}, {@code width} in user units, {@code lane} from 0. */
    public record Bar(Segment segment, int x, int width, int lane) {
        public int y() {
            return lane * LANE;
        }

        /** Seconds for the player's {@code currentTime}, as the JS reads them from {@code data-seek}. */
        public String seek() {
            return String.format(Locale.ROOT, "%.3f", segment.start());
        }

        public String range() {
            return String.format(Locale.ROOT, "%.1f–%.1f s", segment.start(), segment.end());
        }
    }

    public VideoTimeline {
        bars = List.copyOf(bars);
    }

    /**
     * Places the segments; ends past the duration are clipped to it (a segment's end is the last sampled frame, which a
     * header's rounded duration can fall short of). A video without a positive duration has no timeline to draw on.
     */
    public static VideoTimeline of(double durationSeconds, List<Segment> segments) {
        if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds))
            throw new Invalid("duration", "a timeline needs a positive video duration, got " + durationSeconds);
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingDouble(Segment::start).thenComparingDouble(Segment::end));
        List<Integer> laneEnds = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (Segment s : sorted) {
            double start = clip(s.start(), durationSeconds);
            double end = Math.max(start, clip(s.end(), durationSeconds));
            int x = (int) Math.round(start / durationSeconds * WIDTH);
            int w = Math.max(MIN_WIDTH, (int) Math.round((end - start) / durationSeconds * WIDTH));
            if (x + w > WIDTH) x = WIDTH - w; // a bar at the very end stays inside the bar
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane) > x) lane++;
            if (lane == laneEnds.size()) laneEnds.add(x + w);
            else laneEnds.set(lane, x + w);
            bars.add(new Bar(s, x, w, lane));
        }
        return new VideoTimeline(durationSeconds, bars, Math.max(1, laneEnds.size()));
    }

    private static double clip(double t, double duration) {
        if (!(t > 0)) return 0;
        return Math.min(t, duration);
    }

    public int height() {
        return lanes * LANE;
    }

    public String duration() {
        return String.format(Locale.ROOT, "%.1f s", durationSeconds);
    }
}
