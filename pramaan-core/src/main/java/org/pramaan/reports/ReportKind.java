package org.pramaan.reports;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.pramaan.errors.Invalid;

/** The reports Pramaan makes; each reads the cases of one rule pack and cuts its period in one zone. */
public enum ReportKind {
    /** IT Rules r.4(1)(d): a significant social media intermediary publishes a report every month (IST months). */
    IN_MONTHLY("in-monthly", "IN", "Asia/Kolkata", "India: monthly compliance report (IT Rules r.4(1)(d))"),
    /** DSA arts.15, 24, 42 in the templates of Implementing Regulation (EU) 2024/2835 (periods cut in Brussels time). */
    DSA("dsa", "EU", "Europe/Brussels", "EU: DSA transparency report (arts.15, 24, 42; Reg. (EU) 2024/2835)"),
    /** 47 U.S.C. s.223a: the record of removal requests an operator would show the FTC (US Eastern time, the pack's zone). */
    TAKE_IT_DOWN("take-it-down", "US", "America/New_York", "US: TAKE IT DOWN Act removal record (47 U.S.C. s.223a)"),
    /** CN Labeling Measures and Deep Synthesis Provisions art.12 (China Standard Time). */
    CN("cn", "CN", "Asia/Shanghai", "China: labelling log and complaint handling (Labeling Measures; DSP art.12)");

    private final String wireName;
    private final String jurisdiction;
    private final ZoneId zone;
    private final String title;

    ReportKind(String wireName, String jurisdiction, String zone, String title) {
        this.wireName = wireName;
        this.jurisdiction = jurisdiction;
        this.zone = ZoneId.of(zone);
        this.title = title;
    }

    public String wireName() {
        return wireName;
    }

    /** The rule pack whose cases the report counts. */
    public String jurisdiction() {
        return jurisdiction;
    }

    /** The zone its days and months are cut in. */
    public ZoneId zone() {
        return zone;
    }

    public String title() {
        return title;
    }

    /** Whether its period is a calendar month (r.4(1)(d) "periodic compliance report every month"). */
    public boolean monthly() {
        return this == IN_MONTHLY;
    }

    /** The kind a client names; refused by name, the length capped before comparing. */
    public static ReportKind parse(String s) {
        if (s.length() <= 32) {
            for (ReportKind k : values()) if (k.wireName.equals(s)) return k;
        }
        throw new Invalid(
                "kind",
                "unknown report kind '" + (s.length() <= 32 ? s : s.substring(0, 32) + "…") + "': use "
                        + Arrays.stream(values()).map(ReportKind::wireName).collect(Collectors.joining(", ")));
    }
}
