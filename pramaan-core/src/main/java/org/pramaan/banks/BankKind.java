package org.pramaan.banks;

import java.util.Arrays;
import java.util.Locale;
import org.pramaan.errors.Invalid;

/** What a bank holds; the jurisdiction policy decides per kind what a match does. */
public enum BankKind {
    /** Content removed after a notice or order; re-uploads are blocked (IT Rules r.4(4)). */
    REMOVED,
    /** Known synthetic media; a match confirms synthetic origin. */
    KNOWN_DEEPFAKE,
    /** Non-consensual intimate imagery, often hash-only (StopNCII-style: no media is ever held). */
    NCII,
    /** Known false positives: a match here makes every other match on the same file inert. */
    ALLOW_LIST,
    /** Hashes shared by a partner or exchange; matches go to review. */
    PARTNER_FEED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BankKind parse(String s) {
        String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(k -> k.name().equals(n))
                .findFirst()
                .orElseThrow(() -> new Invalid(
                        "kind",
                        "unknown bank kind '" + s
                                + "': use removed, known-deepfake, ncii, allow-list or partner-feed"));
    }
}
