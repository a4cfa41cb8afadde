package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseRepository;

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
}
