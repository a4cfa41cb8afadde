package org.pramaan.detect;

import java.util.Locale;
import org.pramaan.errors.Invalid;

/**
 * What a reviewer found an item to be (issue 16, reviewer feedback loop). Kept apart from the action (allow, label,
 * block): the action says what to do with the item, the finding says whether it is synthetic, and only the finding is
 * a label for calibrating a model. {@link #UNSURE} is recorded but never exported as a label.
 */
public enum Finding {
    SYNTHETIC,
    AUTHENTIC,
    UNSURE;

    /** The wire form: {@code synthetic}, {@code authentic} or {@code unsure}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the wire form (case-insensitive).
     *
     * @throws Invalid naming {@code finding} for anything else
     */
    public static Finding parse(String s) {
        String v = s.length() > 20 ? s.substring(0, 20) : s;
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "synthetic" -> SYNTHETIC;
            case "authentic" -> AUTHENTIC;
            case "unsure" -> UNSURE;
            default ->
                throw new Invalid(
                        "finding",
                        "finding '" + org.pramaan.limits.PlainText.controlsAsQuestionMarks(v)
                                + "' is not synthetic, authentic or unsure");
        };
    }
}
