package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.ApiKeys;
import org.pramaan.access.Role;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditLog;
import org.pramaan.audit.AuditStore;
import org.pramaan.banks.AvMatchPolicy;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankCuration;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.BankState;
import org.pramaan.banks.HashBanks;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseService;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.cases.Retention;
import org.pramaan.cases.RulePack;
import org.pramaan.decision.Decision;
import org.pramaan.decision.JurisdictionPolicy;
import org.pramaan.hash.PdqResult;
import org.pramaan.intake.Intake;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaScreened;
import org.pramaan.intake.MediaStatus;
import org.pramaan.intake.UploadContext;
import org.pramaan.notify.Channel;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryException;
import org.pramaan.notify.DeliveryState;
import org.pramaan.notify.Dispatcher;
import org.pramaan.notify.Sender;
import org.pramaan.store.sqlite.EmbeddedStore;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.TestImages;
import org.pramaan.tx.UnitOfWork;

/**
 * Issue 11 defect 11: every use case that changes state and appends its audit entry does both in
 * one unit of work, and memory (the bank matcher) follows only what committed. Each test makes the
 * audit append fail after the state was written, as a crash or a full disk would, and checks that
 * no state was kept, nothing in memory changed, and the log still verifies. Wired as
 * {@link Embedded} wires it, over a real SQLite file, with an audit store that fails on demand.
 */
class AtomicUseCasesTest {
    @TempDir
    Path dir;

    final FakeClock clock = FakeClock.at("2026-06-01T09:00:00Z");
    EmbeddedStore store;
    FailingAuditStore failing;
    AuditLog audit;
    HashBanks banks;
    BankCuration curation;
    Intake intake;
    CaseService cases;
    Retention retention;
    ApiKeys keys;

    @BeforeEach
    void wire() throws Exception {
        PramaanConfig config = ServerTestBase.config(dir.resolve("data"), Map.of());
        store = EmbeddedStore.open(config.storage().dataDir());
        UnitOfWork unit = store.database().unitOfWork();
        failing = new FailingAuditStore(store.audit());
        audit = new AuditLog(failing, clock, unit);
        banks = new HashBanks(store.banks(), clock, Optional.empty(), AvMatchPolicy.DEFAULT, unit);
        curation = new BankCuration(banks, audit, clock);
        org.pramaan.events.EventBus events = new org.pramaan.events.EventBus();
        intake = new Intake(
                Embedded.screener(
                        config,
                        JurisdictionPolicy.load(config.policy().jurisdiction()),
                        banks,
                        store.decoders(),
                        clock),
                store.media(),
                store.blobs(),
                audit,
                clock,
                events);
        List<RulePack> packs = config.policy().rulePacks().stream()
                .map(j -> RulePack.load(j, config.policy().rulePackDir()))
                .toList();
        retention = new Retention(store.holds(), store.media(), store.blobs(), audit, clock);
        cases = new CaseService(
                CaseService.Dependencies.of(packs, store.cases(), store.media(), banks, audit, clock, unit)
                        .withRetention(retention),
                events);
        keys = new ApiKeys(store.apiKeys(), audit, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** An audit store whose next append of a type fails, after the use case wrote its state. */
    static final class FailingAuditStore implements AuditStore {
        private final AuditStore real;
        private Optional<String> failType = Optional.empty();
        private Optional<java.util.Random> failAtRandom = Optional.empty();

        FailingAuditStore(AuditStore real) {
            this.real = real;
        }

        synchronized void failNext(String type) {
            failType = Optional.of(type);
        }

        /** From now on every append fails with probability 1/3 (seeded). */
        synchronized void failAtRandom(long seed) {
            failAtRandom = Optional.of(new java.util.Random(seed));
        }

        @Override
        public synchronized void append(AuditEntry entry) {
            if (failType.filter(entry.type()::equals).isPresent()
                    || failAtRandom.map(r -> r.nextInt(3) == 0).orElse(false)) {
                failType = Optional.empty();
                throw new IllegalStateException("injected: audit append of " + entry.type() + " failed");
            }
            real.append(entry);
        }

        @Override
        public Optional<AuditEntry> last() {
            return real.last();
        }

        @Override
        public Optional<Head> recordedHead() {
            return real.recordedHead();
        }

        @Override
        public void forEach(Consumer<AuditEntry> visitor) {
            real.forEach(visitor);
        }

        @Override
        public List<AuditEntry> bySubject(String subject) {
            return real.bySubject(subject);
        }

        @Override
        public void forEachAfter(long afterSeq, Consumer<AuditEntry> visitor) {
            real.forEachAfter(afterSeq, visitor);
        }

        @Override
        public void recordCheckpoint(String journal, CheckpointMark mark) {
            real.recordCheckpoint(journal, mark);
        }

        @Override
        public Optional<CheckpointMark> checkpointMark(String journal) {
            return real.checkpointMark(journal);
        }

        @Override
        public java.util.Map<String, CheckpointMark> checkpointMarks() {
            return real.checkpointMarks();
        }
    }

    private long entries() {
        return audit.verify().entriesChecked();
    }

    private void assertFailsLeavingTheLogAsItWas(String type, Runnable useCase) {
        long before = entries();
        failing.failNext(type);
        assertThatThrownBy(useCase::run).hasMessageContaining("injected: audit append of " + type);
        assertThat(audit.verify().valid()).isTrue();
        assertThat(entries()).as("no entry for the failed use case").isEqualTo(before);
    }

    private Path image(int seed) throws Exception {
        return Files.write(dir.resolve("img-" + seed + ".png"), TestImages.png(TestImages.photo(120, 90, seed)));
    }

    private MediaScreened ingest(Path file) {
        try {
            return intake.ingest(file, UploadContext.none());
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private PdqResult pdqOf(String mediaId) {
        return store.media().find(mediaId).orElseThrow().pdq().orElseThrow();
    }

    private static BankItem item(String bank, PdqResult pdq) {
        return new BankItem(
                0,
                bank,
                Optional.empty(),
                Optional.of(pdq),
                Optional.empty(),
                Optional.empty(),
                "test",
                "",
                "t",
                java.time.Instant.parse("2026-06-01T00:00:00Z"),
                Optional.empty());
    }

    @Test
    void intakeKeepsNoMediaOrUploadRecordWhenItsAuditAppendFails() throws Exception {
        Path f = image(1);
        String sha = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        assertFailsLeavingTheLogAsItWas("media.screened", () -> ingest(f));
        assertThat(store.media().find(sha))
                .as("no media record without its media.screened entry")
                .isEmpty();
        assertThat(store.media().uploads(sha)).as("no upload record").isEmpty();
        MediaScreened again = ingest(f);
        assertThat(again.newMedia()).isTrue();
        assertThat(store.media().uploads(sha)).hasSize(1);
    }

    @Test
    void aBankItemAddWhoseAuditFailsLeavesNoPhantomInTheStoreOrTheMatcher() throws Exception {
        curation.create("feed", BankKind.PARTNER_FEED, BankState.ENABLED, 31, 50, "", "test");
        PdqResult pdq = pdqOf(ingest(image(2)).media().id());
        assertFailsLeavingTheLogAsItWas(
                "bank.items_added", () -> curation.add("feed", List.of(item("feed", pdq)), "test"));
        assertThat(store.banks().all()).as("the store kept nothing").isEmpty();
        assertThat(banks.match(Optional.empty(), Optional.of(pdq)))
                .as("no phantom entry blocks uploads")
                .isEmpty();
        assertThat(banks.items("feed")).isEmpty();
        curation.add("feed", List.of(item("feed", pdq)), "test");
        assertThat(banks.match(Optional.empty(), Optional.of(pdq))).hasSize(1);
    }

    @Test
    void aBankItemRemovalWhoseAuditFailsLeavesTheItemStoredAndMatching() throws Exception {
        curation.create("feed", BankKind.PARTNER_FEED, BankState.ENABLED, 31, 50, "", "test");
        PdqResult pdq = pdqOf(ingest(image(3)).media().id());
        long id =
                curation.add("feed", List.of(item("feed", pdq)), "test").get(0).id();
        assertFailsLeavingTheLogAsItWas("bank.item_removed", () -> curation.removeItem("feed", id, "test"));
        assertThat(store.banks().all()).extracting(BankItem::id).containsExactly(id);
        assertThat(banks.match(Optional.empty(), Optional.of(pdq)))
                .as("no entry missing from the matcher")
                .hasSize(1);
    }

    @Test
    void bankCreateUpdateAndDeleteWhoseAuditFailsChangeNothing() throws Exception {
        assertFailsLeavingTheLogAsItWas(
                "bank.created", () -> curation.create("ghost", BankKind.NCII, BankState.ENABLED, 31, 50, "", "test"));
        assertThat(store.banks().banks()).isEmpty();
        assertThat(banks.bank("ghost")).isEmpty();

        Bank feed = curation.create("feed", BankKind.PARTNER_FEED, BankState.ENABLED, 31, 50, "", "test");
        assertFailsLeavingTheLogAsItWas(
                "bank.updated", () -> curation.update(feed.with(BankState.DISABLED, 10, 80, "changed"), "test"));
        assertThat(store.banks().banks())
                .singleElement()
                .satisfies(b -> assertThat(b.state()).isEqualTo(BankState.ENABLED));
        assertThat(banks.bank("feed").orElseThrow().state()).isEqualTo(BankState.ENABLED);

        PdqResult pdq = pdqOf(ingest(image(4)).media().id());
        curation.add("feed", List.of(item("feed", pdq)), "test");
        assertFailsLeavingTheLogAsItWas("bank.deleted", () -> curation.delete("feed", "test"));
        assertThat(store.banks().banks()).extracting(Bank::name).containsExactly("feed");
        assertThat(store.banks().all()).hasSize(1);
        assertThat(banks.match(Optional.empty(), Optional.of(pdq)))
                .as("the bank's items still match")
                .hasSize(1);
    }

    @Test
    void aTakedownWhoseBankingAuditFailsLeavesNoPhantomThatBlocksReuploads() throws Exception {
        Path f = image(5);
        MediaScreened up = ingest(f);
        CaseFile c = cases.openCase(
                new NoticeRequest("IN_3_2_B_COMPLAINT", up.media().id(), Map.of(), Optional.empty()));
        assertFailsLeavingTheLogAsItWas(
                "bank.item_added",
                () -> cases.act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("reviewer"), "NCII"));
        assertThat(cases.find(c.id()).orElseThrow().events())
                .as("the action rolled back")
                .isEqualTo(c.events());
        assertThat(store.media().find(up.media().id()).orElseThrow().status()).isNotEqualTo(MediaStatus.REMOVED);
        assertThat(store.banks().all()).isEmpty();
        assertThat(banks.match(Optional.empty(), up.media().pdq()))
                .as("no phantom entry in the matcher")
                .isEmpty();
        assertThat(ingest(f).report().decision())
                .as("a re-upload is not blocked by a takedown that never happened")
                .isNotEqualTo(Decision.BLOCK);

        cases.act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("reviewer"), "NCII");
        assertThat(ingest(f).report().decision()).as("the real takedown blocks").isEqualTo(Decision.BLOCK);
    }

    @Test
    void aRestoreWhoseAuditFailsKeepsTheBankedItemMatching() throws Exception {
        Path f = image(6);
        MediaScreened up = ingest(f);
        CaseFile c = cases.openCase(
                new NoticeRequest("IN_3_2_B_COMPLAINT", up.media().id(), Map.of(), Optional.empty()));
        cases.act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("reviewer"), "NCII");
        CaseFile appealed = cases.appeal(c.id(), "uploader", "it is mine");
        assertFailsLeavingTheLogAsItWas(
                "bank.items_removed",
                () -> cases.decideAppeal(appealed.id(), true, org.pramaan.access.Actor.key("reviewer"), "restored"));
        assertThat(store.banks().all()).hasSize(1);
        assertThat(banks.match(Optional.empty(), up.media().pdq()))
                .as("no entry missing from the matcher")
                .hasSize(1);
    }

    @Test
    void holdsAndPurgeWhoseAuditFailsChangeNothing() throws Exception {
        String media = ingest(image(7)).media().id();
        assertFailsLeavingTheLogAsItWas(
                "hold.placed",
                () -> retention.place(
                        media,
                        Optional.empty(),
                        "litigation",
                        Optional.empty(),
                        org.pramaan.access.Actor.operator("legal")));
        assertThat(retention.holds(media)).isEmpty();

        long hold = retention
                .place(
                        media,
                        Optional.empty(),
                        "litigation",
                        Optional.empty(),
                        org.pramaan.access.Actor.operator("legal"))
                .id();
        assertFailsLeavingTheLogAsItWas(
                "hold.released", () -> retention.release(hold, org.pramaan.access.Actor.operator("legal")));
        assertThat(retention.holds(media))
                .singleElement()
                .satisfies(h -> assertThat(h.releasedAt()).isEmpty());
        retention.release(hold, org.pramaan.access.Actor.operator("legal"));

        MediaRecord m = store.media().find(media).orElseThrow();
        store.media().save(m.withStatus(MediaStatus.REMOVED));
        assertFailsLeavingTheLogAsItWas("media.purged", () -> retention.purge());
        assertThat(store.media().find(media).orElseThrow().blobStored())
                .as("the record still says the bytes are kept")
                .isTrue();
        assertThat(store.blobs().locate(media)).as("and they are").isPresent();
        assertThat(retention.purge()).containsExactly(media);
        assertThat(store.blobs().locate(media)).isEmpty();
    }

    @Test
    void aKeyWhoseAuditFailsIsNotStoredAndDoesNotAuthenticate() {
        String secret = "pmn_unaudited_key_0123456789abcdef";
        assertFailsLeavingTheLogAsItWas("key.created", () -> keys.register(Role.ADMIN, "no record", secret));
        assertThat(store.apiKeys().all()).isEmpty();
        assertThat(keys.authenticate(secret)).isEmpty();
    }

    @Test
    void aDeliveryWhoseAuditFailsStaysPendingAndARetryWhoseAuditFailsStaysDead() throws Exception {
        String media = ingest(image(8)).media().id();
        CaseFile c = cases.openCase(new NoticeRequest("IN_3_2_B_COMPLAINT", media, Map.of(), Optional.empty()));
        List<String> sent = new ArrayList<>();
        Sender ok = new Sender() {
            @Override
            public Channel channel() {
                return Channel.WEBHOOK;
            }

            @Override
            public String send(Delivery d) throws DeliveryException {
                sent.add(d.id());
                return "202";
            }
        };
        Dispatcher dispatcher = new Dispatcher(store.deliveries(), List.of(ok), audit, clock);
        Delivery d = Delivery.pending(
                "ev-1",
                "platform",
                Channel.WEBHOOK,
                "https://platform.example/hook",
                c.id(),
                "case.opened",
                "s",
                "{}",
                clock.instant());
        store.deliveries().enqueue(d);
        assertFailsLeavingTheLogAsItWas("delivery.delivered", dispatcher::deliverDue);
        assertThat(store.deliveries().find(d.id()).orElseThrow().state())
                .as("not marked delivered without its entry: sent again")
                .isEqualTo(DeliveryState.PENDING);
        assertThat(dispatcher.deliverDue().delivered()).isEqualTo(1);
        assertThat(sent).hasSize(2);

        Delivery dead = Delivery.pending(
                "ev-2", "platform", Channel.EMAIL, "x@example.org", c.id(), "case.opened", "s", "{}", clock.instant());
        store.deliveries().enqueue(dead);
        assertThat(dispatcher.deliverDue().deadLettered())
                .as("no e-mail sender: a permanent failure")
                .isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertFailsLeavingTheLogAsItWas("delivery.retried", () -> dispatcher.retry(dead.id(), "admin"));
        assertThat(store.deliveries().find(dead.id()).orElseThrow().state()).isEqualTo(DeliveryState.DEAD);
    }

    @Test
    void aResurfacingWhoseAuditFailsAddsNoEventToTheCase() throws Exception {
        Path f = image(9);
        MediaScreened up = ingest(f);
        CaseFile c = cases.openCase(
                new NoticeRequest("IN_3_2_B_COMPLAINT", up.media().id(), Map.of(), Optional.empty()));
        cases.act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("reviewer"), "NCII");
        int events = cases.find(c.id()).orElseThrow().events().size();
        Path copy = Files.write(dir.resolve("copy.png"), TestImages.png(TestImages.photo(120, 90, 9)));
        failing.failNext("case.resurfaced");
        assertThatThrownBy(() -> ingest(copy)).hasMessageContaining("injected");
        assertThat(cases.find(c.id()).orElseThrow().events())
                .as("no resurfaced event without its entry")
                .hasSize(events);
        assertThat(audit.verify().valid()).isTrue();
    }

    /**
     * The class of defect rather than one instance: four threads add and remove items at random
     * while a third of all audit appends fail. Afterwards the matcher holds exactly what the store
     * holds (no phantom, nothing missing), a matcher rebuilt from the store agrees, and every
     * stored item has its {@code bank.items_added} entry.
     */
    @Test
    void concurrentCurationWithRandomAuditFailuresLeavesTheMatcherEqualToTheStore() throws Exception {
        curation.create("feed", BankKind.PARTNER_FEED, BankState.ENABLED, 31, 50, "", "test");
        failing.failAtRandom(20261204);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                java.util.Random random = new java.util.Random(t);
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        try {
                            List<BankItem> now = banks.items("feed");
                            if (!now.isEmpty() && random.nextInt(3) == 0) {
                                curation.removeItem(
                                        "feed",
                                        now.get(random.nextInt(now.size())).id(),
                                        "test");
                            } else {
                                org.pramaan.hash.Hash256 h = org.pramaan.hash.Hash256.of(
                                        random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
                                curation.add("feed", List.of(item("feed", new PdqResult(h, 90))), "test");
                            }
                        } catch (IllegalStateException e) {
                            assertThat(e).hasMessageContaining("injected");
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : work) f.get(120, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<Long> stored =
                store.banks().all().stream().map(BankItem::id).sorted().toList();
        assertThat(stored).as("some writes committed").isNotEmpty();
        assertThat(banks.items("feed"))
                .extracting(BankItem::id)
                .as("memory equals the store")
                .containsExactlyElementsOf(stored);
        for (BankItem i : store.banks().all()) {
            assertThat(banks.match(Optional.empty(), i.pdq()))
                    .extracting(org.pramaan.banks.BankMatch::itemId)
                    .as("item %d matches", i.id())
                    .contains(i.id());
        }
        HashBanks rebuilt = new HashBanks(store.banks(), clock, store.database().unitOfWork());
        assertThat(rebuilt.items("feed")).extracting(BankItem::id).containsExactlyElementsOf(stored);
        long audited = audit.forSubject("bank:feed").stream()
                .filter(e -> e.type().equals("bank.items_added"))
                .count();
        long removed = audit.forSubject("bank:feed").stream()
                .filter(e -> e.type().equals("bank.item_removed"))
                .count();
        assertThat(audited - removed)
                .as("every stored item has its entry, every removal too")
                .isEqualTo(stored.size());
        assertThat(audit.verify().valid()).isTrue();
    }
}
