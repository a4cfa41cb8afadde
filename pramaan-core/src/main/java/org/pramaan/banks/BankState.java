package org.pramaan.banks;

import java.util.Locale;
import org.pramaan.errors.Invalid;

/**
 * Whether a bank acts. {@link #SHADOW} matches and reports but never changes a decision, so a new
 * or noisy feed can be measured before it is trusted (HMA's coin-flip rollout, made explicit).
 */
public enum BankState {
    ENABLED,
    DISABLED,
    SHADOW;

    public static BankState parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("state", "unknown bank state '" + s + "': use enabled, disabled or shadow");
        }
    }
}
