package org.pramaan.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;

/**
 * Median time to action per notice type, for the overview: from a case's receipt (when its statutory clocks start,
 * IT Rules r.3(2)(b) "within 24 hours from the receipt") to the first action that settled it (remove, restrict, label,
 * demote or dismiss; not an acknowledgement, not a restoration after appeal). Cases without such an action are left
 * out, not counted as zero or as "still running": an open case has no time to action yet.
 *
 * @param noticeType the rule pack's notice type id
 * @param cases      how many cases had an action
 * @param median     the median over them (the mean of the two middle values for an even count)
 */
public record TimeToAction(String noticeType, int cases, Duration median) {

    /** One row per notice type that has at least one acted case, ordered by notice type. */
    public static List<TimeToAction> of(Collection<CaseFile> cases) {
        Map<String, List<Duration>> byType = new TreeMap<>();
        for (CaseFile c : cases)
            firstAction(c)
                    .ifPresent(at -> byType.computeIfAbsent(c.noticeType(), k -> new ArrayList<>())
                            .add(Duration.between(c.receivedAt(), at)));
        List<TimeToAction> out = new ArrayList<>(byType.size());
        byType.forEach((type, ds) -> out.add(new TimeToAction(type, ds.size(), median(ds))));
        return out;
    }

    /** When the case was first settled by an action, if it was. */
    static Optional<Instant> firstAction(CaseFile c) {
        for (CaseEvent e : c.events())
            if (e instanceof CaseEvent.ActionTaken a && a.action().closesCase() && a.action() != CaseAction.RESTORE)
                return Optional.of(a.at());
        return Optional.empty();
    }

    /** The median of a non-empty list (sorted here); for an even count the mean of the two middle values. */
    static Duration median(List<Duration> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("no values: the median of nothing is undefined");
        List<Duration> s = values.stream().sorted().toList();
        int n = s.size();
        if (n % 2 == 1) return s.get(n / 2);
        return s.get(n / 2 - 1).plus(s.get(n / 2)).dividedBy(2);
    }

    /** The median as h:mm:ss, the countdowns' format, so it reads the same in every language. */
    public String text() {
        long sec = Math.max(0, median.toSeconds());
        return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", sec / 3600, (sec % 3600) / 60, sec % 60);
    }
}
