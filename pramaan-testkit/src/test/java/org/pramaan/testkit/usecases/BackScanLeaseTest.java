package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Actor;
import org.pramaan.backscan.BackScans;
import org.pramaan.backscan.FetchHook;
import org.pramaan.backscan.ScanJob;
import org.pramaan.backscan.ScanPolicy;
import org.pramaan.backscan.ScanResult;
import org.pramaan.backscan.ScanRunner;
import org.pramaan.backscan.ScanSettings;
import org.pramaan.backscan.ScanSource;
import org.pramaan.backscan.ScanState;

/**
 * Issue 15: two nodes' runners on one store. Exactly one works a job (the lease holder); when it dies the other takes
 * the job over from its last checkpoint once the lease has ended, and no item is recorded twice.
 */
class BackScanLeaseTest {
    static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    UseCaseFixture f;
    BackScans scans;
    ScanRunner nodeA;
    ScanRunner nodeB;

    @BeforeEach
    void wire() throws Exception {
        f = new UseCaseFixture(dir);
        Path root = Files.createDirectories(dir.resolve("root"));
        BackScans.Parts parts = new BackScans.Parts(
                f.store.scans(),
                f.store.media(),
                f.blobs,
                f.screener,
                f.banks,
                f.cases,
                f.audit,
                FetchHook.none(),
                new ScanSettings(List.of(root), 2, 5, 100), // batches of 2
                f.clock);
        scans = new BackScans(parts, id -> {});
        nodeA = new ScanRunner(parts, "node-a", LEASE);
        nodeB = new ScanRunner(parts, "node-b", LEASE);
    }

    ScanJob start() {
        for (long s = 1; s <= 5; s++) f.upload(s);
        return scans.start(
                new BackScans.Request(ScanSource.Kind.STORED_MEDIA, Optional.empty(), List.of(), ScanPolicy.REVIEW),
                Actor.key("admin"));
    }

    @Test
    void onlyTheLeaseHolderWorksAJobAndAnotherNodeTakesItOverFromItsCheckpointAfterTheLeaseEnds() {
        ScanJob j = start();
        assertThat(nodeA.step(j.id())).isTrue();
        assertThat(scans.get(j.id()).counts().done()).isEqualTo(2);
        assertThat(nodeB.step(j.id())).as("node-a holds the lease").isFalse();
        f.clock.advance(LEASE.minusSeconds(1));
        assertThat(nodeB.step(j.id()))
                .as("still node-a's, one second before its lease ends")
                .isFalse();
        assertThat(scans.get(j.id()).counts().done()).isEqualTo(2);

        // node-a dies here (no more steps, no release). Once its lease has ended node-b takes over at the checkpoint.
        f.clock.advance(Duration.ofSeconds(2));
        assertThat(nodeB.step(j.id())).isTrue();
        ScanJob taken = scans.get(j.id());
        assertThat(taken.counts().done()).isEqualTo(4);
        assertThat(f.store.scans().leaseOf(j.id()).orElseThrow().node()).isEqualTo("node-b");

        // node-a restarted (or only stalled) is refused while node-b renews at every batch.
        assertThat(nodeA.step(j.id())).isFalse();
        while (nodeB.step(j.id())) f.clock.advance(Duration.ofSeconds(1));
        ScanJob done = scans.get(j.id());
        assertThat(done.state()).isEqualTo(ScanState.FINISHED);
        assertThat(done.counts().done()).isEqualTo(5);
        List<ScanResult> results = scans.results(j.id(), "", 100);
        assertThat(results).hasSize(5);
        assertThat(results.stream().map(ScanResult::itemKey).distinct()).hasSize(5);
        assertThat(f.auditTypes("scan:" + j.id())).containsExactly("backscan.started", "backscan.finished");
    }
}
