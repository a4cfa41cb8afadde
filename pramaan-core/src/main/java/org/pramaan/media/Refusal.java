package org.pramaan.media;

/** Shorthands for the two structural refusals. */
final class Refusal {
    private Refusal() {}

    static MediaRejectedException truncated(String message) {
        return new MediaRejectedException(RejectionCode.TRUNCATED, message);
    }

    static MediaRejectedException corrupt(String message) {
        return new MediaRejectedException(RejectionCode.CORRUPT, message);
    }

    /** A walker's problem text says "ends" when the data ran out, anything else is corruption. */
    static MediaRejectedException fromWalk(MediaType type, String problem) {
        String m = type + ": " + problem;
        return problem.contains("ends") || problem.contains("remain") ? truncated(m) : corrupt(m);
    }

    static Dimensions dims(MediaType type, long w, long h) throws MediaRejectedException {
        if (w <= 0 || h <= 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE)
            throw corrupt(type + " header declares impossible dimensions " + w + "x" + h);
        return new Dimensions((int) w, (int) h);
    }
}
