package org.pramaan.labels;

/**
 * Checks label text before anything is drawn or written: not blank, at most
 * {@link LabelProfiles#MAX_TEXT_CHARS} characters (checked on the raw length first, so a megabyte of text
 * is refused without being walked), and free of control and bidirectional-override characters, which
 * would make the label say something other than what it shows (Unicode TR #9 §2.2: U+202A-202E,
 * U+2066-2069).
 */
final class VisibleText {
    private VisibleText() {}

    /** Returns {@code text} or refuses it with a message naming {@code field}. */
    static String check(String text, String field) {
        if (text.length() > LabelProfiles.MAX_TEXT_CHARS * 2
                || text.codePointCount(0, text.length()) > LabelProfiles.MAX_TEXT_CHARS)
            throw new IllegalArgumentException(field + ": label text is at most " + LabelProfiles.MAX_TEXT_CHARS
                    + " characters, got " + text.length());
        if (text.isBlank()) throw new IllegalArgumentException(field + ": label text is empty");
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if (type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.SURROGATE || bidi)
                throw new IllegalArgumentException(String.format(
                        "%s: label text has a control or unassigned character U+%04X at index %d", field, c, i));
            i += Character.charCount(c);
        }
        return text;
    }
}
