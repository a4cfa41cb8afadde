package org.pramaan.reports;

import java.util.List;
import java.util.Objects;

/**
 * A part of a report, numbered as its template numbers it where there is one (e.g. DSA {@code 1.3}).
 *
 * @param key    the template's section number or a stable name
 * @param title  the section's heading
 * @param basis  the provision that asks for it
 */
public record Section(String key, String title, String basis, List<Figure> figures) {
    public Section {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(basis, "basis");
        figures = List.copyOf(figures);
    }
}
