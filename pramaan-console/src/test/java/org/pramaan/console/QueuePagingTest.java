package org.pramaan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pramaan.errors.Invalid;

class QueuePagingTest {
    private static final QueueFilters IN_ONLY = new QueueFilters("IN", "", "", "none", List.of("IN"), List.of());

    @Test
    void tenThousandRowsShowOneHundredPerPageWithLinksKeepingTheFilters() {
        List<Integer> all = IntStream.range(0, 10_000).boxed().toList();
        QueuePaging p = QueuePaging.of(Map.of("page", "2")::get, all.size(), IN_ONLY);
        assertThat(p.pages()).isEqualTo(100);
        assertThat(p.slice(all)).hasSize(100).startsWith(100).endsWith(199);
        assertThat(p.from()).isEqualTo(101);
        assertThat(p.to()).isEqualTo(200);
        assertThat(p.previous()).contains("/queue?page=1&jurisdiction=IN&assigned=none");
        assertThat(p.next()).contains("/queue?page=3&jurisdiction=IN&assigned=none");
    }

    @Test
    void firstPageByDefaultAndLastPageIsPartial() {
        QueuePaging first = QueuePaging.of(Map.<String, String>of()::get, 250, IN_ONLY);
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.previous()).isEmpty();
        QueuePaging last = QueuePaging.of(Map.of("page", "3")::get, 250, IN_ONLY);
        assertThat(last.slice(IntStream.range(0, 250).boxed().toList())).hasSize(50);
        assertThat(last.next()).isEmpty();
        QueuePaging none = QueuePaging.of(Map.<String, String>of()::get, 0, IN_ONLY);
        assertThat(none.slice(List.of())).isEmpty();
        assertThat(none.pages()).isEqualTo(1);
    }

    @Test
    void aPageThatIsNotAWholeNumberInRangeIsRefusedNamingTheParameter() {
        for (String bad : List.of("0", "4", "-1", "1.5", "abc", "99999999999"))
            assertThatThrownBy(() -> QueuePaging.of(Map.of("page", bad)::get, 250, IN_ONLY))
                    .isInstanceOf(Invalid.class)
                    .hasMessageContaining("page");
    }

    /** The store is asked for the page before the total is known: its offset is where the page the total allows starts. */
    @Test
    void theOffsetAskedOfTheStoreIsWhereTheShownPageStarts() {
        for (String page : List.of("1", "2", "3", "003")) {
            QueuePaging p = QueuePaging.of(Map.of("page", page)::get, 250, IN_ONLY);
            assertThat(QueuePaging.offset(Map.of("page", page)::get))
                    .as("page %s", page)
                    .isEqualTo(p.from() - 1);
        }
        assertThat(QueuePaging.offset(Map.<String, String>of()::get)).isZero();
        for (String bad : List.of("0", "-1", "1.5", "abc", "9999999", "99999999999"))
            assertThat(QueuePaging.offset(Map.of("page", bad)::get)).as(bad).isZero();
        assertThat(QueuePaging.offset(Map.of("page", "999999")::get)).isEqualTo(99_999_800);
    }
}
