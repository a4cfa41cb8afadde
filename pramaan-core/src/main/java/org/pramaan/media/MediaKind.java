package org.pramaan.media;

/** The modality of a medium; rule packs label audio, visual and audio-visual content differently (IT Rules r.2(1)(wa)). */
public enum MediaKind {
    IMAGE,
    VIDEO,
    AUDIO
}
