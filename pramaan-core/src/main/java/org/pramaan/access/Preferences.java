package org.pramaan.access;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.pramaan.errors.Invalid;

/**
 * One person's console preferences.
 *
 * @param blurSensitive blur / greyscale / mute intimate-imagery and CSAM media by default (default
 *                      true: reviewers should not see such content unless they choose to)
 * @param language      {@code en} or {@code hi} (the languages the message bundles exist in)
 * @param timeZone      an IANA zone id (e.g. {@code Asia/Kolkata}) dates are shown in
 */
public record Preferences(boolean blurSensitive, String language, String timeZone) {
    public static final Set<String> LANGUAGES = Set.of("en", "hi");
    /** The longest IANA id is about 32 characters; a longer one is refused before it is looked up. */
    static final int MAX_ZONE = 64;

    public static final Preferences DEFAULT = new Preferences(true, "en", "UTC");

    /** @throws Invalid naming {@code language} or {@code timeZone} when it is not one Pramaan knows */
    public Preferences {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timeZone, "timeZone");
        if (!LANGUAGES.contains(language))
            throw new Invalid("language", "language '" + cut(language) + "' is not one of en, hi");
        // Region ids only (Asia/Kolkata, UTC): offsets like +05:30 do not follow daylight-saving rules.
        if (timeZone.length() > MAX_ZONE || !ZoneId.getAvailableZoneIds().contains(timeZone))
            throw new Invalid(
                    "timeZone", "timeZone '" + cut(timeZone) + "' is not an IANA time-zone id such as Asia/Kolkata");
    }

    private static String cut(String s) {
        return s.length() > MAX_ZONE ? s.substring(0, MAX_ZONE) + "…" : s;
    }
}
