package org.pramaan.signals;

/** Kinds of evidence. Names are stable API (they appear in JSON and in the audit log). */
public enum SignalType {
    /** SHA-256 of the exact bytes. */
    SHA256,
    /** MD5 of the exact bytes (kept because hash-sharing programmes exchange MD5 for video). */
    MD5,
    /** PDQ perceptual hash with its quality. */
    PDQ,
    /** XMP {@code Iptc4xmpExt:DigitalSourceType} (IPTC NewsCodes digital source type). */
    IPTC_DIGITAL_SOURCE_TYPE,
    /** GB 45438-2025 Appendix E implicit label: JSON under key {@code AIGC}. */
    GB45438_AIGC,
    /** Generator traces: AUTOMATIC1111 {@code parameters}, ComfyUI {@code prompt}/{@code workflow}, … */
    GENERATOR_METADATA,
    /** EXIF Software or UserComment naming a generator or editor. */
    EXIF_SOFTWARE,
    /** A C2PA manifest store: validated (its digitalSourceType and state) or unreadable. */
    C2PA_MANIFEST,
    /** The uploader's own statement (IT Rules r.4(1A)). */
    UPLOADER_DECLARATION,
    /** The file matched an item in a hash bank. */
    HASH_BANK_MATCH,
    /** A known invisible watermark decoded from the pixels (SD/SDXL {@code dwtDct}), with its bit-match ratio. */
    INVISIBLE_WATERMARK,
    /**
     * An operator-installed detector model's calibrated probability (issue 16), with the model, its
     * version and weights hash, and the regions that drove it; never more than "suspected".
     */
    DETECTOR_SCORE,
    /**
     * A face in the upload is within the likeness model's calibrated threshold of a protected person
     * (issue 16): the person id (never the name), similarity, threshold, model and face box; in a video,
     * per face track, with the track's time range and matching frames ({@link VideoLikeness}). It raises
     * the upload's review priority and is recorded on the person's standing complaint; it never
     * decides. Value {@code failed} when the embedding model failed (the other signals stand).
     */
    LIKENESS_MATCH
}
