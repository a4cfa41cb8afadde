package org.pramaan.generation;

import java.util.Locale;
import org.pramaan.errors.Invalid;

/** What of a real person a generation edits (CN Deep Synthesis Provisions art.14: face and voice). */
public enum Modality {
    FACE,
    VOICE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a client's value; anything but {@code face} or {@code voice} is refused as {@link Invalid} naming {@code field}. */
    public static Modality parse(String field, String s) {
        return switch (s) {
            case "face" -> FACE;
            case "voice" -> VOICE;
            default -> throw new Invalid(field, field + " must be 'face' or 'voice', got '" + Texts.shown(s) + "'");
        };
    }
}
