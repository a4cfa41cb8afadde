package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.Hold;
import org.pramaan.cases.HoldRepository;

/** Contract for {@link HoldRepository} adapters. */
public abstract class HoldRepositoryContract {
    @TempDir
    protected Path dir;

    protected abstract HoldRepository createRepository(Path dir);

    @Test
    void storesFindsAndRecordsReleases() {
        HoldRepository repo = createRepository(dir);
        Hold retention = repo.add(new Hold(
                0,
                "a".repeat(64),
                Optional.of("IN-1"),
                "r.3(1)(g)",
                "system",
                Samples.T0,
                Optional.of(Samples.T0.plus(Duration.ofDays(180))),
                Optional.empty()));
        Hold legal = repo.add(new Hold(
                0,
                "a".repeat(64),
                Optional.empty(),
                "litigation",
                "key:x",
                Samples.T0,
                Optional.empty(),
                Optional.empty()));
        repo.add(new Hold(
                0, "b".repeat(64), Optional.empty(), "other", "key:x", Samples.T0, Optional.empty(), Optional.empty()));
        assertThat(legal.id()).isGreaterThan(retention.id());
        assertThat(repo.forMedia("a".repeat(64))).containsExactly(retention, legal);
        Hold released = new Hold(
                legal.id(),
                legal.mediaId(),
                legal.caseId(),
                legal.reason(),
                legal.createdBy(),
                legal.createdAt(),
                legal.until(),
                Optional.of(Samples.T0.plusSeconds(60)));
        repo.save(released);
        assertThat(repo.find(legal.id())).contains(released);
        assertThat(repo.find(999)).isEmpty();
    }
}
