package org.pramaan.reports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One number in a report, with what it was computed from so an auditor can check it.
 *
 * @param key   stable machine name, e.g. {@code complaints.received} (the CSV and JSON carry it)
 * @param label what it counts, for people
 * @param value the figure; empty when Pramaan records no data for it ("not recorded", never 0)
 * @param unit  {@code count} or {@code seconds}
 * @param ids   the records behind it: case ids, {@code upload:<n>}, {@code generation:<id>} or outbox message ids
 * @param basis the rule that selected them (the "query"), or why the figure is not recorded
 */
public record Figure(String key, String label, Optional<Long> value, String unit, List<String> ids, String basis) {
    public static final String NOT_RECORDED = "not recorded";
    public static final String COUNT = "count";
    public static final String SECONDS = "seconds";

    public Figure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        ids = List.copyOf(ids);
        Objects.requireNonNull(basis, "basis");
    }

    /** The value as a report shows it: the number, or {@value #NOT_RECORDED}. */
    public String shown() {
        return value.map(String::valueOf).orElse(NOT_RECORDED);
    }
}
