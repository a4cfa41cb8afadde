package org.pramaan.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Builds one section's figures in order; ids are sorted and de-duplicated so a report is reproducible. */
final class Figures {
    private final List<Figure> out = new ArrayList<>();

    /** A count of the records named by {@code ids}. */
    Figures count(String key, String label, Collection<String> ids, String basis) {
        List<String> sorted = sorted(ids);
        out.add(new Figure(key, label, Optional.of((long) sorted.size()), Figure.COUNT, sorted, basis));
        return this;
    }

    /** A count of {@code n} events, which may be several per record named in {@code ids}. */
    Figures events(String key, String label, long n, Collection<String> ids, String basis) {
        out.add(new Figure(key, label, Optional.of(n), Figure.COUNT, sorted(ids), basis));
        return this;
    }

    /** A duration in whole seconds; empty (shown "not recorded") when nothing was measured. */
    Figures seconds(String key, String label, Optional<Long> seconds, Collection<String> ids, String basis) {
        out.add(new Figure(key, label, seconds, Figure.SECONDS, sorted(ids), basis));
        return this;
    }

    /** A figure Pramaan keeps no data for: never a 0 that would claim none happened. */
    Figures notRecorded(String key, String label, String why) {
        out.add(new Figure(key, label, Optional.empty(), Figure.COUNT, List.of(), why));
        return this;
    }

    Section section(String key, String title, String basis) {
        return new Section(key, title, basis, out);
    }

    private static List<String> sorted(Collection<String> ids) {
        return List.copyOf(new TreeSet<>(ids));
    }
}
