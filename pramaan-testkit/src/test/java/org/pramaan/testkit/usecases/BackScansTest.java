package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Actor;
import org.pramaan.backscan.BackScans;
import org.pramaan.backscan.BankAdditionScans;
import org.pramaan.backscan.FetchHook;
import org.pramaan.backscan.ScanJob;
import org.pramaan.backscan.ScanPolicy;
import org.pramaan.backscan.ScanResult;
import org.pramaan.backscan.ScanRunner;
import org.pramaan.backscan.ScanSettings;
import org.pramaan.backscan.ScanSource;
import org.pramaan.backscan.ScanState;
import org.pramaan.backscan.StoredMediaIndex;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.intake.MediaStatus;
import org.pramaan.testkit.TestImages;

/** Back-scans over the in-memory adapters with a fake clock: order, checkpoints, policy, refusals, the trigger. */
class BackScansTest {
    static final Actor ADMIN = Actor.key("admin");

    @TempDir
    Path dir;

    UseCaseFixture f;
    BackScans scans;
    ScanRunner runner;
    final List<String> woken = new ArrayList<>();
    Path root;

    @BeforeEach
    void wire() throws Exception {
        f = new UseCaseFixture(dir);
        root = Files.createDirectories(dir.resolve("root"));
        BackScans.Parts parts = new BackScans.Parts(
                f.store.scans(),
                f.store.media(),
                f.blobs,
                f.screener,
                f.banks,
                f.cases,
                f.audit,
                FetchHook.none(),
                new ScanSettings(List.of(root), 2, 5, 100),
                f.clock);
        scans = new BackScans(parts, woken::add);
        runner = new ScanRunner(parts);
        f.banks.ensure("ncii", BankKind.NCII);
    }

    /** A hash-only bank item for a near-duplicate (the photo scaled down) of photo {@code seed}. */
    BankItem bankNearDuplicateOf(long seed) {
        PdqResult near = new PdqHasher().hash(TestImages.scale(TestImages.photo(320, 240, seed), 0.5));
        return f.banks.add(new BankItem(
                0,
                "ncii",
                Optional.empty(),
                Optional.of(near),
                Optional.empty(),
                Optional.empty(),
                "hotline",
                "",
                "key:admin",
                f.clock.instant(),
                Optional.empty()));
    }

    void runToEnd(String id) {
        int guard = 0;
        while (runner.step(id)) assertThat(++guard).as("the job ends").isLessThan(1000);
    }

    @Test
    void aStoredMediaScanVisitsEveryItemOnceInIdOrderAndSendsAMatchToReview() {
        List<String> ids = new ArrayList<>();
        for (long s = 1; s <= 5; s++) ids.add(f.upload(s));
        bankNearDuplicateOf(3);
        ScanJob j = scans.start(
                new BackScans.Request(ScanSource.Kind.STORED_MEDIA, Optional.empty(), List.of(), ScanPolicy.REVIEW),
                ADMIN);
        assertThat(woken).containsExactly(j.id());
        assertThat(j.counts().total()).isEqualTo(5);
        runToEnd(j.id());
        ScanJob done = scans.get(j.id());
        assertThat(done.state()).isEqualTo(ScanState.FINISHED);
        assertThat(done.counts().done()).isEqualTo(5);
        assertThat(done.counts().matched()).isEqualTo(1);
        assertThat(done.counts().reviews()).isEqualTo(1);
        List<ScanResult> results = scans.results(j.id(), "", 100);
        Collections.sort(ids);
        assertThat(results).extracting(ScanResult::itemKey).containsExactlyElementsOf(ids);
        ScanResult hit = results.stream()
                .filter(r -> r.outcome() == ScanResult.Outcome.MATCHED)
                .findFirst()
                .orElseThrow();
        assertThat(hit.itemKey())
                .isEqualTo(f.store.media().find(hit.itemKey()).orElseThrow().id());
        assertThat(f.store.media().find(hit.itemKey()).orElseThrow().status()).isEqualTo(MediaStatus.PENDING_REVIEW);
        assertThat(f.auditTypes("scan:" + j.id()))
                .containsExactly("backscan.started", "backscan.matched", "backscan.finished");
        assertThat(runner.step(j.id())).as("a finished job does nothing more").isFalse();
    }

    @Test
    void aBatchInterruptedBeforeItsCommitIsRedoneAndRecordedOnce() {
        for (long s = 1; s <= 3; s++) f.upload(s);
        ScanJob j = scans.start(
                new BackScans.Request(ScanSource.Kind.STORED_MEDIA, Optional.empty(), List.of(), ScanPolicy.REVIEW),
                ADMIN);
        Thread.currentThread().interrupt(); // as the server's shutdown does mid-batch
        assertThat(runner.step(j.id())).isFalse();
        assertThat(Thread.interrupted()).isTrue();
        assertThat(scans.get(j.id()).counts().done())
                .as("nothing of the batch committed")
                .isZero();
        assertThat(f.store.scans().resultCount(j.id())).isZero();
        runToEnd(j.id());
        assertThat(scans.get(j.id()).counts().done()).isEqualTo(3);
        assertThat(f.store.scans().resultCount(j.id())).isEqualTo(3);
    }

    @Test
    void pauseResumeAndCancelMoveTheStateAndTheEtaComesFromTheClockAndRate() {
        for (long s = 1; s <= 5; s++) f.upload(s);
        ScanJob j = scans.start(
                new BackScans.Request(ScanSource.Kind.STORED_MEDIA, Optional.empty(), List.of(), ScanPolicy.REVIEW),
                ADMIN);
        f.clock.advance(Duration.ofSeconds(10));
        assertThat(runner.step(j.id())).isTrue(); // 2 of 5 in 10 s
        ScanJob running = scans.get(j.id());
        assertThat(running.eta(f.clock.instant())).contains(Duration.ofSeconds(15));
        assertThat(running.rate(f.clock.instant())).isEqualTo(0.2);
        ScanJob paused = scans.pause(j.id(), ADMIN);
        assertThat(paused.state()).isEqualTo(ScanState.PAUSED);
        assertThat(paused.eta(f.clock.instant())).isEmpty();
        assertThat(runner.step(j.id())).as("a paused job is not worked").isFalse();
        assertThat(scans.get(j.id()).counts().done()).isEqualTo(2);
        assertThatThrownBy(() -> scans.pause(j.id(), ADMIN))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("is PAUSED");
        woken.clear();
        f.clock.advance(Duration.ofHours(1)); // time paused does not slow the rate measured after resuming
        scans.resume(j.id(), ADMIN);
        assertThat(woken).containsExactly(j.id());
        f.clock.advance(Duration.ofSeconds(4));
        assertThat(runner.step(j.id())).isTrue(); // 2 more in 4 s
        assertThat(scans.get(j.id()).eta(f.clock.instant())).contains(Duration.ofSeconds(2));
        ScanJob cancelled = scans.cancel(j.id(), ADMIN);
        assertThat(cancelled.state()).isEqualTo(ScanState.CANCELLED);
        assertThat(cancelled.finishedAt()).contains(f.clock.instant());
        assertThat(runner.step(j.id())).isFalse();
        assertThat(scans.get(j.id()).counts().done()).isEqualTo(4);
        assertThatThrownBy(() -> scans.resume(j.id(), ADMIN)).isInstanceOf(Conflict.class);
        assertThat(f.auditTypes("scan:" + j.id()))
                .containsExactly("backscan.started", "backscan.paused", "backscan.running", "backscan.cancelled");
    }

    @Test
    void aFolderScanHashesRealFilesInPathOrderAndDoesNotFollowLinksOutOfTheRoot() throws Exception {
        Files.createDirectories(root.resolve("b"));
        Files.write(root.resolve("b/near.jpg"), TestImages.jpeg(TestImages.photo(320, 240, 7), 0.8f));
        Files.write(root.resolve("a.png"), TestImages.png(TestImages.photo(200, 150, 8)));
        Files.write(root.resolve("c.txt"), "not media".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path outside = Files.write(dir.resolve("secret.jpg"), TestImages.jpeg(TestImages.photo(320, 240, 7), 0.8f));
        Files.createSymbolicLink(root.resolve("link.jpg"), outside);
        bankNearDuplicateOf(7);
        ScanJob j = scans.start(
                new BackScans.Request(
                        ScanSource.Kind.FOLDER, Optional.of(root.toString()), List.of(), ScanPolicy.REVIEW),
                ADMIN);
        assertThat(j.counts().total()).as("the link is not an item").isEqualTo(3);
        runToEnd(j.id());
        List<ScanResult> r = scans.results(j.id(), "", 10);
        assertThat(r).extracting(ScanResult::itemKey).containsExactly("a.png", "b/near.jpg", "c.txt");
        assertThat(r)
                .extracting(ScanResult::outcome)
                .containsExactly(ScanResult.Outcome.CLEAN, ScanResult.Outcome.MATCHED, ScanResult.Outcome.ERROR);
        assertThat(r.get(1).action()).isEqualTo(ScanResult.Action.REVIEW);
        assertThat(r.get(1).hits()).extracting(ScanResult.Hit::bank).containsExactly("ncii");
        assertThat(scans.get(j.id()).counts().errors()).isEqualTo(1);
    }

    @Test
    void hostileSourcesAreRefusedByName() throws Exception {
        assertThatThrownBy(() -> scans.start(
                        new BackScans.Request(
                                ScanSource.Kind.FOLDER, Optional.of(dir.toString()), List.of(), ScanPolicy.REVIEW),
                        ADMIN))
                .isInstanceOfSatisfying(Invalid.class, e -> {
                    assertThat(e.code()).isEqualTo("backscan.path_outside_roots");
                    assertThat(e.field()).contains("source.folder");
                });
        assertThatThrownBy(() -> scans.start(
                        new BackScans.Request(
                                ScanSource.Kind.FOLDER, Optional.of(root + "/../"), List.of(), ScanPolicy.REVIEW),
                        ADMIN))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.code()).isEqualTo("backscan.path_outside_roots"));
        Path link = Files.createSymbolicLink(root.resolve("up"), dir);
        assertThatThrownBy(() -> scans.start(
                        new BackScans.Request(
                                ScanSource.Kind.FOLDER, Optional.of(link.toString()), List.of(), ScanPolicy.REVIEW),
                        ADMIN))
                .as("a link inside the root that leads out of it")
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.code()).isEqualTo("backscan.path_outside_roots"));
        assertThatThrownBy(() -> scans.start(
                        new BackScans.Request(
                                ScanSource.Kind.LIST,
                                Optional.empty(),
                                Collections.nCopies(6, "id"),
                                ScanPolicy.REVIEW),
                        ADMIN))
                .isInstanceOfSatisfying(Invalid.class, e -> {
                    assertThat(e.code()).isEqualTo("backscan.too_many_items");
                    assertThat(e.getMessage()).contains("6 entries; at most 5");
                });
        assertThatThrownBy(() -> scans.start(
                        new BackScans.Request(
                                ScanSource.Kind.LIST,
                                Optional.empty(),
                                List.of("ok", "bad\u0000id"),
                                ScanPolicy.REVIEW),
                        ADMIN))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("source.items[1]"));
        assertThatThrownBy(() -> scans.start(
                        new BackScans.Request(
                                ScanSource.Kind.STORED_MEDIA,
                                Optional.empty(),
                                List.of(),
                                new ScanPolicy(ScanPolicy.Action.CASE, Optional.of("NO_SUCH_TYPE"))),
                        ADMIN))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("policy.noticeType"));
        assertThat(f.store.scans().recent(10)).as("nothing refused was stored").isEmpty();
    }

    @Test
    void aCasePolicyOpensOneCasePerMatchedStoredItem() {
        f.upload(1);
        String target = f.upload(2);
        bankNearDuplicateOf(2);
        ScanJob j = scans.start(
                new BackScans.Request(
                        ScanSource.Kind.STORED_MEDIA,
                        Optional.empty(),
                        List.of(),
                        new ScanPolicy(ScanPolicy.Action.CASE, Optional.of("IN_3_2_B_COMPLAINT"))),
                ADMIN);
        runToEnd(j.id());
        assertThat(scans.get(j.id()).counts().cases()).isEqualTo(1);
        ScanResult hit = scans.results(j.id(), "", 10).stream()
                .filter(r -> r.action() == ScanResult.Action.CASE)
                .findFirst()
                .orElseThrow();
        var opened = f.cases.find(hit.ref().orElseThrow()).orElseThrow();
        assertThat(opened.mediaId()).isEqualTo(target);
        assertThat(opened.notice()).containsEntry("scan_job", j.id()).containsEntry("source", "backscan");
    }

    @Test
    void aBankAdditionScansOnlyTheStoredMediaNearTheNewItemsAndMatchesOnlyThem() {
        String old = f.upload(1);
        bankNearDuplicateOf(1); // banked before: a triggered scan must not report it again
        List<String> others = new ArrayList<>();
        for (long s = 2; s <= 6; s++) others.add(f.upload(s));
        StoredMediaIndex index = new StoredMediaIndex(f.store.media());
        BankAdditionScans trigger = new BankAdditionScans(scans, index, ScanPolicy.REVIEW);
        assertThat(index.build()).isEqualTo(6);
        BankItem added = bankNearDuplicateOf(4);
        List<ScanJob> jobs = trigger.added(List.of(added));
        assertThat(jobs).hasSize(1);
        ScanJob j = jobs.get(0);
        assertThat(j.trigger()).isEqualTo("bank-addition");
        assertThat(j.source().items()).as("only the near media, not the corpus").containsExactly(others.get(2));
        runToEnd(j.id());
        List<ScanResult> r = scans.results(j.id(), "", 10);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).hits()).extracting(ScanResult.Hit::itemId).containsExactly(added.id());
        assertThat(f.store.media().find(others.get(2)).orElseThrow().status()).isEqualTo(MediaStatus.PENDING_REVIEW);
        assertThat(f.store.media().find(old).orElseThrow().status()).isNotEqualTo(MediaStatus.PENDING_REVIEW);
        BankItem far = bankNearDuplicateOf(99); // no stored media near it
        assertThat(trigger.added(List.of(far))).isEmpty();
    }
}
