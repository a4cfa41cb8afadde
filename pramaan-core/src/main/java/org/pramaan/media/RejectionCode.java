package org.pramaan.media;

/** Why a file was refused at intake. The {@link #code()} strings are stable API: clients switch on them. */
public enum RejectionCode {
    EMPTY("media.empty"),
    TOO_LARGE("media.too_large"),
    TOO_MANY_PIXELS("media.too_many_pixels"),
    UNKNOWN_TYPE("media.unknown_type"),
    TRUNCATED("media.truncated"),
    CORRUPT("media.corrupt"),
    UNREADABLE("media.unreadable"),
    /** Longer (in media time or frame count) than the decode limits allow. */
    TOO_LONG("media.too_long"),
    /** A container with no stream of the kind asked for (no video track, no audio track). */
    NO_STREAM("media.no_stream");

    private final String code;

    RejectionCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
