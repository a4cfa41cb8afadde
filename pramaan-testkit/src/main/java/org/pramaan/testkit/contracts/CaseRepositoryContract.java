package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void findsOnlyCasesWithSomethingDue() {
        CaseRepository repo = createRepository(dir);
        CaseFile soon = Samples.openCase("IN-1", Samples.T0, Duration.ofHours(2));   // 50 % due at T0 + 1 h
        CaseFile later = Samples.openCase("IN-2", Samples.T0, Duration.ofHours(36)); // 50 % due at T0 + 18 h
        CaseFile closed = Samples.closed(Samples.openCase("IN-3", Samples.T0, Duration.ofHours(1)), Samples.T0);
        for (CaseFile c : new CaseFile[] {soon, later, closed}) repo.save(c);
        assertThat(repo.due(Samples.T0.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(repo.due(Samples.T0.plus(Duration.ofHours(1)))).extracting(CaseFile::id).containsExactly("IN-1");
        assertThat(repo.due(Samples.T0.plus(Duration.ofHours(20)))).extracting(CaseFile::id).containsExactly("IN-1", "IN-2");
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
