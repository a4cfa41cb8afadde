package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.backscan.ScanCounts;
import org.pramaan.backscan.ScanJob;
import org.pramaan.backscan.ScanJobRepository;
import org.pramaan.backscan.ScanPolicy;
import org.pramaan.backscan.ScanResult;
import org.pramaan.backscan.ScanSource;
import org.pramaan.backscan.ScanState;
import org.pramaan.tx.UnitOfWork;

/** Contract for {@link ScanJobRepository} adapters (issue 17 part 2). */
public abstract class ScanJobRepositoryContract {
    @TempDir
    protected Path dir;

    /** A repository on a fresh store; {@link #unitOfWork()} is that store's unit. */
    protected abstract ScanJobRepository createRepository(Path dir);

    protected abstract UnitOfWork unitOfWork();

    static ScanJob job(String id, int second, ScanState state) {
        return new ScanJob(
                id,
                ScanSource.list(List.of("a.png", "https://example.org/b.jpg")),
                new ScanPolicy(ScanPolicy.Action.CASE, Optional.of("IN_3_2_B_COMPLAINT")),
                state,
                new ScanCounts(2, 1, 1, 0, 0, 1),
                "0000000",
                "on-demand",
                "key:admin",
                Samples.T0.plusSeconds(second),
                Samples.T0.plusSeconds(second + 1),
                Samples.T0.plusSeconds(second),
                0,
                state.terminal() ? Optional.of(Samples.T0.plusSeconds(second + 2)) : Optional.empty(),
                state == ScanState.FAILED ? Optional.of("disk gone") : Optional.empty());
    }

    static ScanResult result(String job, String key, ScanResult.Outcome o) {
        return new ScanResult(
                job,
                key,
                "item " + key,
                o,
                Optional.of("a".repeat(64)),
                o == ScanResult.Outcome.MATCHED ? List.of(new ScanResult.Hit("removed", 7, "pdq", 4)) : List.of(),
                o == ScanResult.Outcome.MATCHED ? ScanResult.Action.CASE : ScanResult.Action.NONE,
                o == ScanResult.Outcome.MATCHED ? Optional.of("IN-1") : Optional.empty(),
                "",
                Samples.T0);
    }

    @Test
    void storesFindsAndUpdatesJobsWithEveryField() {
        ScanJobRepository repo = createRepository(dir);
        ScanJob a = job("scan_a", 0, ScanState.RUNNING);
        repo.insert(a);
        assertThat(repo.find("scan_a")).contains(a);
        assertThat(repo.find("scan_x")).isEmpty();
        assertThatThrownBy(() -> repo.insert(a)).isInstanceOf(IllegalStateException.class);
        ScanJob failed = job("scan_a", 0, ScanState.FAILED);
        repo.save(failed);
        assertThat(repo.find("scan_a")).contains(failed);
        assertThatThrownBy(() -> repo.save(job("scan_none", 0, ScanState.RUNNING)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listsNewestFirstAndByStateOldestFirst() {
        ScanJobRepository repo = createRepository(dir);
        repo.insert(job("scan_1", 1, ScanState.RUNNING));
        repo.insert(job("scan_2", 2, ScanState.PAUSED));
        repo.insert(job("scan_3", 3, ScanState.RUNNING));
        assertThat(repo.recent(2)).extracting(ScanJob::id).containsExactly("scan_3", "scan_2");
        assertThat(repo.inState(ScanState.RUNNING)).extracting(ScanJob::id).containsExactly("scan_1", "scan_3");
        assertThat(repo.inState(ScanState.CANCELLED)).isEmpty();
    }

    @Test
    void aResultIsStoredOncePerJobAndItem() {
        ScanJobRepository repo = createRepository(dir);
        ScanResult first = result("scan_1", "0000001", ScanResult.Outcome.MATCHED);
        assertThat(repo.addResult(first)).isTrue();
        assertThat(repo.addResult(result("scan_1", "0000001", ScanResult.Outcome.ERROR)))
                .as("the same item again")
                .isFalse();
        assertThat(repo.addResult(result("scan_1", "0000000", ScanResult.Outcome.CLEAN)))
                .isTrue();
        assertThat(repo.addResult(result("scan_2", "0000001", ScanResult.Outcome.CLEAN)))
                .as("the same key in another job")
                .isTrue();
        assertThat(repo.hasResult("scan_1", "0000001")).isTrue();
        assertThat(repo.hasResult("scan_1", "0000002")).isFalse();
        assertThat(repo.results("scan_1", "", 10))
                .extracting(ScanResult::itemKey)
                .containsExactly("0000000", "0000001");
        assertThat(repo.results("scan_1", "0000000", 10)).containsExactly(first);
        assertThat(repo.results("scan_1", "", 1)).hasSize(1);
        assertThat(repo.resultCount("scan_1")).isEqualTo(2);
        assertThat(repo.resultCount("scan_9")).isZero();
    }

    @Test
    void aBatchThatFailsLeavesNeitherItsResultsNorTheCheckpoint() {
        ScanJobRepository repo = createRepository(dir);
        ScanJob j = job("scan_1", 0, ScanState.RUNNING);
        repo.insert(j);
        assertThatThrownBy(() -> unitOfWork().run(() -> {
                    repo.addResult(result("scan_1", "0000005", ScanResult.Outcome.CLEAN));
                    repo.save(job("scan_1", 0, ScanState.PAUSED));
                    throw new IllegalStateException("crash before commit");
                }))
                .hasMessage("crash before commit");
        assertThat(repo.hasResult("scan_1", "0000005")).isFalse();
        assertThat(repo.find("scan_1")).contains(j);
    }

    @Test
    void oneNodeHoldsALeaseUntilItEndsOrIsReleased() {
        ScanJobRepository repo = createRepository(dir);
        repo.insert(job("scan_l", 0, ScanState.RUNNING));
        java.time.Instant t = Samples.T0;
        assertThat(repo.leaseOf("scan_l")).isEmpty();
        assertThat(repo.lease("scan_l", "node-a", t, t.plusSeconds(30))).isTrue();
        assertThat(repo.leaseOf("scan_l")).contains(new org.pramaan.backscan.ScanLease("node-a", t.plusSeconds(30)));
        // Another node is refused while the lease runs, up to and including its last instant.
        assertThat(repo.lease("scan_l", "node-b", t.plusSeconds(10), t.plusSeconds(40)))
                .isFalse();
        assertThat(repo.lease("scan_l", "node-b", t.plusSeconds(30), t.plusSeconds(60)))
                .isFalse();
        // The holder renews.
        assertThat(repo.lease("scan_l", "node-a", t.plusSeconds(20), t.plusSeconds(50)))
                .isTrue();
        assertThat(repo.leaseOf("scan_l")).contains(new org.pramaan.backscan.ScanLease("node-a", t.plusSeconds(50)));
        // Saving the job (a batch's commit) leaves the lease alone.
        repo.save(job("scan_l", 0, ScanState.RUNNING));
        assertThat(repo.leaseOf("scan_l")).contains(new org.pramaan.backscan.ScanLease("node-a", t.plusSeconds(50)));
        // Once it has ended unrenewed (the holder died), another node takes it over.
        assertThat(repo.lease("scan_l", "node-b", t.plusSeconds(51), t.plusSeconds(81)))
                .isTrue();
        assertThat(repo.leaseOf("scan_l")).contains(new org.pramaan.backscan.ScanLease("node-b", t.plusSeconds(81)));
        assertThat(repo.lease("scan_l", "node-a", t.plusSeconds(52), t.plusSeconds(82)))
                .isFalse();
        // Only the holder's release counts.
        repo.release("scan_l", "node-a");
        assertThat(repo.leaseOf("scan_l"))
                .map(org.pramaan.backscan.ScanLease::node)
                .contains("node-b");
        repo.release("scan_l", "node-b");
        assertThat(repo.leaseOf("scan_l")).isEmpty();
        assertThat(repo.lease("scan_l", "node-a", t.plusSeconds(53), t.plusSeconds(83)))
                .isTrue();
    }
}
