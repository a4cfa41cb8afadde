package org.pramaan.cases;

import java.util.Locale;

/** What a reviewer or the system does on a case. */
public enum CaseAction {
    /** Acknowledge a grievance (r.3(2)(a)): stops the {@code acknowledge} clock only. */
    ACKNOWLEDGE(false),
    /** Remove or disable access; banks the item's hashes so re-uploads are blocked (r.4(4)). */
    REMOVE(true),
    /** Keep the content up with a synthetic-content label (r.3(3)). */
    LABEL(true),
    /** No action on the content. */
    DISMISS(true),
    /** Reverse an earlier removal: content back, bank entries out. */
    RESTORE(true);

    private final boolean closesCase;

    CaseAction(boolean closesCase) { this.closesCase = closesCase; }

    public boolean closesCase() { return closesCase; }

    public static CaseAction parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown action '" + s + "': use acknowledge, remove, label, dismiss or restore");
        }
    }
}
