package org.pramaan.assessment;

/** How sure Pramaan is that a file is synthetic, strongest first. */
public enum Tier {
    /** A standard machine-readable origin label says AI (IPTC digital source type, GB 45438 Label "1"). */
    CONFIRMED_SYNTHETIC,
    /** The uploader declared it synthetic (IT Rules r.4(1A)); CN Labeling Measures art.6 "possibly". */
    DECLARED_SYNTHETIC,
    /** Generator traces or a previous platform's "possibly/suspected" label; CN art.6 "suspected". */
    SUSPECTED_SYNTHETIC,
    /** Only weak hints (e.g. EXIF Software naming an AI tool); a human should not rely on it alone. */
    INCONCLUSIVE,
    /** Nothing found that says synthetic. Not proof of authenticity. */
    NO_EVIDENCE
}
