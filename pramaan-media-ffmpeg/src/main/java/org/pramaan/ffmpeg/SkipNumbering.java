package org.pramaan.ffmpeg;

import java.util.function.LongPredicate;

/**
 * Frame numbers for a decode that drops non-reference frames no sample needs, equal to the numbers
 * the plain decode gives (its n-th output frame is frame n, vpdq-hash-video's rule).
 *
 * <p>Why it holds: the decoder outputs frames in presentation (pts) order, one per packet, so the
 * plain decode's frame n is the packet with the n-th smallest pts. A packet sent with {@code
 * skip_frame = AVDISCARD_NONREF} either comes out (a reference frame: decoded exactly as without
 * the option) or never does (a dropped non-reference frame). Once a frame with pts q comes out,
 * every packet with a smaller pts has been sent and, had it been decoded, would have come out
 * before q; so each pending skip-mode packet below q was dropped and takes the next number, and a
 * pending full-mode packet below q failed to decode (the plain decode would not have output it
 * either). A packet is sent in skip mode only when no wanted number lies within the reorder window
 * of its smallest possible number; should a dropped frame nonetheless turn out to be wanted, or
 * pts be missing, repeated or out of order, {@link Fallback} says the caller must decode again
 * without skipping: numbering is never guessed.
 */
final class SkipNumbering {
    /** The numbering cannot be proven for this file: decode it again without skipping. */
    static final class Fallback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fallback(String why) {
            super(why, null, false, false);
        }
    }

    private final LongPredicate wanted;
    private long[] pendingPts = new long[32];
    private boolean[] pendingSkip = new boolean[32];
    private int pending;
    private long numbered;
    private long lastOutput = Long.MIN_VALUE;
    private long dropped;
    private int window = -1;

    SkipNumbering(LongPredicate wanted) {
        this.wanted = wanted;
    }

    /**
     * Registers a packet about to be sent and says whether it may be sent in skip mode.
     *
     * @param window frames that may still come out before this one although sent after it (the
     *               decoder's reorder delay, has_b_frames, plus a margin)
     */
    boolean beforeSend(long pts, boolean hasPts, int window) {
        return beforeSend(pts, hasPts, window, -1) != Mode.FULL;
    }

    /** How a packet is sent: decoded in full, or with non-reference frames or all non-IDR frames dropped. */
    enum Mode {
        FULL,
        DROP_NONREF,
        DROP_ALL_BUT_IDR
    }

    /**
     * As {@link #beforeSend(long, boolean, int)}, also told that an IDR comes {@code toIdr} packets
     * after this one (-1: none known). Every frame sent from this packet up to that IDR comes out
     * before it (H.264 §C.4.4), so their numbers lie between this packet's lowest possible number
     * and the IDR's, which is at most every frame counted or pending so far, this one and the
     * {@code toIdr} in between; if no sample falls there, all of them may be dropped.
     */
    Mode beforeSend(long pts, boolean hasPts, int window, int toIdr) {
        if (!hasPts) throw new Fallback("a packet has no pts");
        // A decoder that finds more reordering than its headers declared (H.264 without VUI
        // num_reorder_frames) may have output frames early or discarded late ones, which the plain
        // decode would number differently once frames were dropped.
        if (window > this.window && this.window >= 0 && dropped + pendingSkips() > 0)
            throw new Fallback("the decoder's reorder window grew from " + this.window + " to " + window);
        this.window = Math.max(this.window, window);
        if (pts <= lastOutput) throw new Fallback("a packet's pts is not after the last frame output");
        long below = numbered;
        for (int i = 0; i < pending; i++) {
            if (pendingPts[i] == pts) throw new Fallback("two packets share pts " + pts);
            if (pendingPts[i] < pts) below++;
        }
        boolean skip = true;
        for (long n = below; n <= below + window && skip; n++) if (wanted.test(n)) skip = false;
        boolean beforeIdr = toIdr >= 0;
        for (long n = below, last = numbered + pending + toIdr; beforeIdr && n <= last; n++)
            if (wanted.test(n)) beforeIdr = false;
        if (pending == pendingPts.length) {
            pendingPts = java.util.Arrays.copyOf(pendingPts, pending * 2);
            pendingSkip = java.util.Arrays.copyOf(pendingSkip, pending * 2);
        }
        pendingPts[pending] = pts;
        pendingSkip[pending++] = skip || beforeIdr;
        return beforeIdr ? Mode.DROP_ALL_BUT_IDR : skip ? Mode.DROP_NONREF : Mode.FULL;
    }

    /** A frame came out with this pts: numbers the dropped frames before it, then returns its number. */
    long output(long pts, boolean hasPts) {
        if (!hasPts || pts <= lastOutput) throw new Fallback("frames do not come out in pts order");
        int at = -1;
        for (int i = 0; i < pending; i++) if (pendingPts[i] == pts) at = i;
        if (at < 0) throw new Fallback("a frame came out with a pts no packet had: " + pts);
        resolveBelow(pts);
        removeAt(indexOf(pts));
        lastOutput = pts;
        return numbered++;
    }

    /** End of stream: the packets that never came out were dropped (skip mode) or failed; returns the frame count. */
    long finish() {
        resolveBelow(Long.MAX_VALUE);
        return numbered;
    }

    long dropped() {
        return dropped;
    }

    private void resolveBelow(long pts) {
        while (true) {
            int min = -1;
            for (int i = 0; i < pending; i++)
                if (pendingPts[i] < pts && (min < 0 || pendingPts[i] < pendingPts[min])) min = i;
            if (min < 0) return;
            if (pendingSkip[min]) {
                if (wanted.test(numbered)) throw new Fallback("frame " + numbered + " is wanted but was dropped");
                numbered++;
                dropped++;
            }
            removeAt(min);
        }
    }

    private int pendingSkips() {
        int n = 0;
        for (int i = 0; i < pending; i++) if (pendingSkip[i]) n++;
        return n;
    }

    private int indexOf(long pts) {
        for (int i = 0; i < pending; i++) if (pendingPts[i] == pts) return i;
        return -1;
    }

    private void removeAt(int i) {
        pending--;
        pendingPts[i] = pendingPts[pending];
        pendingSkip[i] = pendingSkip[pending];
    }
}
