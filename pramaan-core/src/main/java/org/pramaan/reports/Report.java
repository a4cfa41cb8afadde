package org.pramaan.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A generated report: what it is, the period it covers, when it was made (from the injected clock)
 * and its sections of figures, with the series its charts draw.
 */
public record Report(ReportKind kind, ReportPeriod period, Instant generatedAt, List<Section> sections, Charts charts) {
    public Report {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedAt, "generatedAt");
        sections = List.copyOf(sections);
        Objects.requireNonNull(charts, "charts");
    }

    /** The figure with this key, in whichever section holds it. */
    public Optional<Figure> figure(String key) {
        return sections.stream()
                .flatMap(s -> s.figures().stream())
                .filter(f -> f.key().equals(key))
                .findFirst();
    }
}
