package org.pramaan.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a reviewer or the system does on a case. */
public enum CaseAction {
    /** Acknowledge a grievance (r.3(2)(a)): stops the {@code acknowledge} clock only. */
    ACKNOWLEDGE(false, false),
    /** Remove or disable access everywhere; banks the item's hashes so re-uploads are blocked (r.4(4)). */
    REMOVE(true, true),
    /**
     * Disable access in the named territories only (parameter {@code territories}, ISO 3166 codes),
     * e.g. an Indian r.3(1)(d) order for content lawful elsewhere. Not banked: re-uploads stay
     * lawful outside those territories.
     */
    GEO_RESTRICT(true, true),
    /** Keep the content up with a synthetic-content label (r.3(3)). */
    LABEL(true, true),
    /** Keep the content up but rank it down (DSA art.17(1)(a)). */
    DEMOTE(true, true),
    /** No action on the content. */
    DISMISS(true, false),
    /** Reverse an earlier restriction: content back, bank entries out. */
    RESTORE(true, false),
    /** DSA art.23(1): warn the uploader's account; a suspension needs this first. Leaves the case open. */
    WARN_ACCOUNT(false, false),
    /** DSA art.23(1): suspend the uploader's account for a period (parameter {@code days}), after a warning. */
    SUSPEND_ACCOUNT(false, false);

    private final boolean closesCase;
    private final boolean restricts;

    CaseAction(boolean closesCase, boolean restricts) {
        this.closesCase = closesCase;
        this.restricts = restricts;
    }

    public boolean closesCase() {
        return closesCase;
    }

    /** Whether it restricts the content, so the uploader may appeal it (DSA art.20(1)) and it can be restored. */
    public boolean restrictsContent() {
        return restricts;
    }

    public boolean onAccount() {
        return this == WARN_ACCOUNT || this == SUSPEND_ACCOUNT;
    }

    public static CaseAction parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new org.pramaan.errors.Invalid(
                    "action",
                    "unknown action '" + s + "': use "
                            + Arrays.stream(values())
                                    .map(a -> a.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", ")));
        }
    }
}
