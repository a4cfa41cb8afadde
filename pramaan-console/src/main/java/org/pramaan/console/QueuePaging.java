package org.pramaan.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.pramaan.errors.Invalid;

/**
 * One page of the queue. A reviewer works the most urgent cases first and never needs 10,000 rows at once; rendering
 * them all took 270 ms at p50 and 6 MiB of HTML ({@code pramaan bench console}), so the page shows {@link #SIZE} rows
 * with the total and links to the neighbouring pages, keeping the filters.
 *
 * @param number the 1-based page shown
 * @param pages how many pages there are (at least 1)
 * @param total how many open cases match the filters
 * @param from 1-based index of the first row shown (0 when there are none)
 * @param to 1-based index of the last row shown
 * @param previous the link to the previous page, if any
 * @param next the link to the next page, if any
 */
public record QueuePaging(
        int number, int pages, int total, int from, int to, Optional<String> previous, Optional<String> next) {
    static final int SIZE = 100;

    /** "page" is a short decimal number; longer text is refused before it is parsed (hostile input). */
    private static final int MAX_PAGE_CHARS = 6;

    /**
     * Reads the {@code page} query parameter: absent means 1; anything but a whole number from 1 to the last page is
     * refused naming the parameter, never clamped (a stale link beyond the end says so instead of showing another page).
     */
    static QueuePaging of(Function<String, String> query, int total, QueueFilters filters) {
        int pages = Math.max(1, (total + SIZE - 1) / SIZE);
        String raw = query.apply("page");
        int number = 1;
        if (raw != null && !raw.isEmpty()) {
            if (raw.length() > MAX_PAGE_CHARS || !raw.chars().allMatch(c -> c >= '0' && c <= '9'))
                throw new Invalid("page", "page must be a whole number from 1 to " + pages);
            number = Integer.parseInt(raw);
            if (number < 1 || number > pages) throw new Invalid("page", "page " + number + " is outside 1 to " + pages);
        }
        int from = total == 0 ? 0 : (number - 1) * SIZE + 1;
        int to = Math.min(total, number * SIZE);
        return new QueuePaging(
                number,
                pages,
                total,
                from,
                to,
                number > 1 ? Optional.of(link(filters, number - 1)) : Optional.empty(),
                number < pages ? Optional.of(link(filters, number + 1)) : Optional.empty());
    }

    /**
     * Where the requested page starts among all matching rows, to ask the store for that page before the total is
     * known; a malformed or out-of-range {@code page} gives 0 here and is refused by {@link #of} once it is.
     */
    static int offset(Function<String, String> query) {
        String raw = query.apply("page");
        if (raw == null || raw.isEmpty() || raw.length() > MAX_PAGE_CHARS) return 0;
        if (!raw.chars().allMatch(c -> c >= '0' && c <= '9')) return 0;
        int number = Integer.parseInt(raw);
        return number < 1 ? 0 : (number - 1) * SIZE;
    }

    /** The rows of this page out of all matching rows (already in urgency order). */
    <T> List<T> slice(List<T> all) {
        return total == 0 ? List.of() : all.subList(from - 1, to);
    }

    private static String link(QueueFilters f, int page) {
        StringBuilder b = new StringBuilder("/queue?page=").append(page);
        add(b, "jurisdiction", f.jurisdiction());
        add(b, "type", f.type());
        add(b, "state", f.state());
        add(b, "assigned", f.assigned());
        return b.toString();
    }

    private static void add(StringBuilder b, String name, String value) {
        if (!value.isEmpty())
            b.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
