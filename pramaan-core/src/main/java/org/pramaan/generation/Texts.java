package org.pramaan.generation;

import org.pramaan.errors.Invalid;

/** Checks for client-supplied text: capped before anything else looks at it, control characters refused. */
final class Texts {
    static final int MAX_ID = 128;
    static final int MAX_TEXT = 1024;

    private Texts() {}

    /** Non-blank text of at most {@code max} characters without control characters. */
    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) throw new Invalid(field, field + " is required");
        return optional(field, value, max);
    }

    /** As {@link #required} but empty is allowed. */
    static String optional(String field, String value, int max) {
        if (value == null) return "";
        if (value.length() > max)
            throw new Invalid(field, field + " is longer than " + max + " characters (" + value.length() + ")");
        for (int i = 0; i < value.length(); i++)
            if (Character.isISOControl(value.charAt(i)))
                throw new Invalid(field, field + " contains a control character at position " + i);
        return value;
    }

    /** A value cut short for an error message, so a hostile value cannot flood it. */
    static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
