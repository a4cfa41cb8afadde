package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseQueue;
import org.pramaan.cases.CaseRepository;
import org.pramaan.cases.QueueQuery;

/** Contract for {@link CaseRepository} adapters. */
public abstract class CaseRepositoryContract {
    @TempDir
    protected Path dir;

    protected abstract CaseRepository createRepository(Path dir);

    @Test
    void roundTripsEveryField() {
        CaseRepository repo = createRepository(dir);
        CaseFile c = Samples.openCase("IN-20260301-AAAAAA", Samples.T0, Duration.ofHours(2));
        repo.save(c);
        assertThat(repo.find(c.id())).contains(c);
        CaseFile closed = Samples.closed(c, Samples.T0.plusSeconds(60));
        repo.save(closed);
        assertThat(repo.find(c.id())).contains(closed);
    }

    /** Every kind of case event comes back as the same record with the same time and attributes (issue 12: sealed events). */
    @Test
    void roundTripsEveryKindOfEvent() {
        CaseRepository repo = createRepository(dir);
        CaseFile open = Samples.openCase("IN-20260301-EVENTS", Samples.T0, Duration.ofHours(2));
        java.util.List<CaseEvent> events = Samples.everyEvent(Samples.T0);
        CaseFile c = new CaseFile(
                open.id(),
                open.noticeType(),
                open.jurisdiction(),
                open.article(),
                open.mediaId(),
                open.receivedAt(),
                open.notice(),
                open.clocks(),
                open.state(),
                open.outcome(),
                events,
                open.missingFields(),
                open.legalReview(),
                open.awaitingInformation());
        repo.save(c);
        CaseFile back = repo.find(c.id()).orElseThrow();
        assertThat(back.events()).containsExactlyElementsOf(events);
        assertThat(back.events()).extracting(CaseEvent::wireName).containsExactlyElementsOf(Samples.EVENT_WIRE_NAMES);
        assertThat(back.events())
                .extracting(e -> (Object) e.getClass())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder((Object[]) CaseEvent.class.getPermittedSubclasses());
    }

    @Test
    void findsOnlyCasesWithSomethingDue() {
        CaseRepository repo = createRepository(dir);
        CaseFile soon = Samples.openCase("IN-1", Samples.T0, Duration.ofHours(2)); // 50 % due at T0 + 1 h
        CaseFile later = Samples.openCase("IN-2", Samples.T0, Duration.ofHours(36)); // 50 % due at T0 + 18 h
        CaseFile closed = Samples.closed(Samples.openCase("IN-3", Samples.T0, Duration.ofHours(1)), Samples.T0);
        for (CaseFile c : new CaseFile[] {soon, later, closed}) repo.save(c);
        assertThat(repo.due(Samples.T0.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(repo.due(Samples.T0.plus(Duration.ofHours(1))))
                .extracting(CaseFile::id)
                .containsExactly("IN-1");
        assertThat(repo.due(Samples.T0.plus(Duration.ofHours(20))))
                .extracting(CaseFile::id)
                .containsExactly("IN-1", "IN-2");
    }

    @Test
    void listsOpenCasesByEarliestDeadline() {
        CaseRepository repo = createRepository(dir);
        CaseFile late = Samples.openCase("IN-1", Samples.T0, Duration.ofHours(36));
        CaseFile soon = Samples.openCase("IN-2", Samples.T0, Duration.ofHours(2));
        CaseFile mid = Samples.openCase("IN-3", Samples.T0, Duration.ofHours(3));
        CaseFile done = Samples.closed(Samples.openCase("IN-4", Samples.T0, Duration.ofHours(1)), Samples.T0);
        for (CaseFile c : new CaseFile[] {late, soon, mid, done}) repo.save(c);
        assertThat(repo.open()).extracting(CaseFile::id).containsExactly("IN-2", "IN-3", "IN-1");
    }

    @Test
    void listsClosedCasesNewestFirst() {
        CaseRepository repo = createRepository(dir);
        CaseFile first = Samples.closed(Samples.openCase("IN-1", Samples.T0, Duration.ofHours(1)), Samples.T0);
        CaseFile open = Samples.openCase("IN-2", Samples.T0, Duration.ofHours(2));
        CaseFile second = Samples.closed(Samples.openCase("IN-3", Samples.T0, Duration.ofHours(1)), Samples.T0);
        for (CaseFile c : new CaseFile[] {first, open, second}) repo.save(c);
        assertThat(repo.closed(10)).extracting(CaseFile::id).containsExactly("IN-3", "IN-1");
        assertThat(repo.closed(1)).extracting(CaseFile::id).containsExactly("IN-3");
    }

    /** A page of the queue: most urgent first (5-minute buckets, then severity, trusted flaggers), with the total. */
    @Test
    void pagesTheQueueMostUrgentFirstWithTheTotal() {
        CaseRepository repo = createRepository(dir);
        // IN-1 and IN-2 fall in the same 5-minute bucket: the more severe notice type (A) comes first.
        repo.save(QueueSamples.open("IN-1", "B", "IN", Samples.T0.plusSeconds(7200), false, Optional.empty()));
        repo.save(QueueSamples.open("IN-2", "A", "IN", Samples.T0.plusSeconds(7260), false, Optional.empty()));
        repo.save(QueueSamples.open("IN-3", "A", "IN", Samples.T0.plusSeconds(3600), false, Optional.of("user:asha")));
        repo.save(QueueSamples.open("IN-4", "A", "EU", Samples.T0.plusSeconds(60), true, Optional.empty()));
        repo.save(Samples.closed(
                QueueSamples.open("IN-5", "A", "IN", Samples.T0.plusSeconds(1), false, Optional.empty()), Samples.T0));
        java.util.Map<String, Integer> severity = java.util.Map.of("A", 1, "B", 3);
        QueueQuery all = new QueueQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Samples.T0,
                severity,
                0,
                2);
        QueueQuery.Page first = repo.queue(all);
        assertThat(first.cases()).extracting(CaseFile::id).containsExactly("IN-4", "IN-3");
        assertThat(first.total()).isEqualTo(4);
        QueueQuery second = new QueueQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Samples.T0,
                severity,
                2,
                2);
        assertThat(repo.queue(second).cases()).extracting(CaseFile::id).containsExactly("IN-2", "IN-1");
        QueueQuery unassignedIndia = new QueueQuery(
                Optional.of("in"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new CaseQueue.Assignment.Unassigned()),
                Optional.empty(),
                Samples.T0,
                severity,
                0,
                10);
        QueueQuery.Page p = repo.queue(unassignedIndia);
        assertThat(p.cases()).extracting(CaseFile::id).containsExactly("IN-2", "IN-1");
        assertThat(p.total()).isEqualTo(2);
    }

    /**
     * The store's pages equal the in-memory reference ({@link QueueQuery#page}, the path the queue always took) over
     * seeded random cases: every combination of the filters, several pages, ties on the bucket and on the exact
     * deadline (down to the nanosecond), cases with no running clock, reassigned and re-saved cases.
     */
    @Test
    void pagesEqualTheInMemoryQueueOverRandomCases() {
        CaseRepository repo = createRepository(dir);
        java.util.Random random = new java.util.Random(13);
        java.util.List<CaseFile> saved = QueueSamples.random(random, 240);
        for (CaseFile c : saved) repo.save(c);
        // Re-save a share with a new assignment history: the queue must see the latest save.
        for (int i = 0; i < saved.size(); i += 5) repo.save(QueueSamples.reassigned(saved.get(i), random));
        java.util.List<CaseFile> open = repo.open();
        assertThat(open).hasSizeGreaterThan(150);
        java.util.Map<String, Integer> severity = java.util.Map.of("A", 1, "B", 3, "C", 2);
        int compared = 0;
        for (Optional<String> j : QueueSamples.JURISDICTION_FILTERS)
            for (Optional<String> type :
                    java.util.List.of(Optional.<String>empty(), Optional.of("A"), Optional.of("D")))
                for (Optional<CaseQueue.State> state : QueueSamples.STATE_FILTERS)
                    for (Optional<CaseQueue.Assignment> who : QueueSamples.ASSIGNMENT_FILTERS)
                        for (Optional<java.time.Instant> dueBy : QueueSamples.DUE_BY)
                            for (int[] page : new int[][] {{0, 7}, {7, 7}, {20, 25}, {0, 1000}, {500, 10}}) {
                                QueueQuery q = new QueueQuery(
                                        j, type, state, who, dueBy, QueueSamples.NOW, severity, page[0], page[1]);
                                QueueQuery.Page want = q.page(open);
                                QueueQuery.Page got = repo.queue(q);
                                assertThat(got.total()).as("total of %s", q).isEqualTo(want.total());
                                assertThat(got.cases())
                                        .as("page of %s", q)
                                        .extracting(CaseFile::id)
                                        .containsExactlyElementsOf(want.cases().stream()
                                                .map(CaseFile::id)
                                                .toList());
                                if (!want.cases().isEmpty()) compared++;
                            }
        // The combinations really select something: most pages the test compares are not empty.
        assertThat(compared).isGreaterThan(400);
        QueueQuery everything = new QueueQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                QueueSamples.NOW,
                severity,
                0,
                1000);
        assertThat(repo.queue(everything).cases())
                .containsExactlyElementsOf(everything.page(open).cases());
    }
}
