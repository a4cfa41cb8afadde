package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Actor;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseClock;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseState;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.decision.Decision;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.intake.MediaScreened;
import org.pramaan.intake.MediaStatus;
import org.pramaan.intake.UploadContext;

/** {@link org.pramaan.cases.CaseService} directly, over the in-memory adapters and a fake clock. */
class CaseServiceTest {
    private static final Map<String, String> COMPLAINT =
            Map.of("complainant", "self", "url", "https://example.org/p/1");

    @TempDir
    Path dir;
    /** For a fixture wired with a failing listener, built by the test itself. */
    @TempDir
    Path failingDir;

    private UseCaseFixture f;
    private String mediaId;

    @BeforeEach
    void wire() {
        f = new UseCaseFixture(dir);
        mediaId = f.upload(1);
    }

    private CaseFile complaint() {
        return f.cases.openCase(new NoticeRequest("IN_3_2_B_COMPLAINT", mediaId, COMPLAINT, Optional.empty()));
    }

    private static List<String> types(CaseFile c) {
        return c.events().stream().map(CaseEvent::wireName).toList();
    }

    @Test
    void aNoticeOpensACaseWithTheClockInForceAtReceiptAndAnAuditEntry() {
        Instant now = f.clock.instant();
        CaseFile c = complaint();
        CaseClock remove = c.clock("remove").orElseThrow();
        assertThat(remove.startedAt()).isEqualTo(now);
        assertThat(remove.dueAt())
                .as("IT Rules r.3(2)(b) as amended by G.S.R. 120(E): two hours")
                .isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(remove.escalateAt()).containsExactly(0.5, 0.75);
        assertThat(c.state()).isEqualTo(CaseState.OPEN);
        assertThat(f.store.cases().find(c.id())).contains(c);
        assertThat(f.auditTypes("case:" + c.id())).containsExactly("case.opened");

        // Received before the amendment took effect: the 2021 duration (24 h) applies.
        Instant before = Instant.parse("2026-02-19T12:00:00Z");
        CaseFile old =
                f.cases.openCase(new NoticeRequest("IN_3_2_B_COMPLAINT", mediaId, COMPLAINT, Optional.of(before)));
        assertThat(old.clock("remove").orElseThrow().dueAt()).isEqualTo(before.plus(Duration.ofHours(24)));
    }

    @Test
    void anUnknownNoticeTypeOrMediaIsRefusedAndStoresNothing() {
        assertThatThrownBy(() -> f.cases.openCase(new NoticeRequest("IN_NOPE", mediaId, COMPLAINT, Optional.empty())))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("noticeType"))
                .hasMessageContaining("IN_NOPE");
        assertThatThrownBy(() -> f.cases.openCase(
                        new NoticeRequest("IN_3_2_B_COMPLAINT", "f".repeat(64), COMPLAINT, Optional.empty())))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("mediaId"))
                .hasMessageContaining("f".repeat(64));
        assertThat(f.store.cases().open()).isEmpty();
        assertThat(f.allAuditTypes()).doesNotContain("case.opened");
    }

    @Test
    void checkClocksFiresEachEscalationAndTheBreachExactlyOnce() {
        CaseFile c = complaint();
        f.clock.advance(Duration.ofMinutes(59));
        assertThat(f.cases.checkClocks()).isEmpty();
        f.clock.advance(Duration.ofMinutes(1)); // 50 % of two hours
        assertThat(f.cases.checkClocks())
                .extracting(e -> e.details().get("threshold"))
                .containsExactly("50%");
        assertThat(f.cases.checkClocks()).as("not fired twice").isEmpty();
        f.clock.advance(Duration.ofMinutes(30)); // 75 %
        assertThat(f.cases.checkClocks())
                .extracting(e -> e.details().get("threshold"))
                .containsExactly("75%");
        f.clock.advance(Duration.ofMinutes(30)); // exactly the deadline: not yet breached
        assertThat(f.cases.checkClocks()).isEmpty();
        f.clock.advance(Duration.ofMillis(1));
        List<CaseEvent> breach = f.cases.checkClocks();
        assertThat(breach).extracting(CaseEvent::wireName).containsExactly("breached");
        assertThat(breach.get(0).details()).containsEntry("late", "false");
        f.clock.advance(Duration.ofHours(5));
        assertThat(f.cases.checkClocks()).as("a breach fires once").isEmpty();
        assertThat(types(f.cases.find(c.id()).orElseThrow()))
                .containsExactly("opened", "escalated", "escalated", "breached");
        assertThat(f.auditTypes("case:" + c.id()))
                .containsExactly("case.opened", "case.escalated", "case.escalated", "case.breached");
    }

    @Test
    void anEscalationFiredAfterDowntimeIsRecordedAsLate() {
        complaint();
        f.clock.advance(Duration.ofHours(3));
        List<CaseEvent> fired = f.cases.checkClocks();
        assertThat(fired).extracting(CaseEvent::wireName).containsExactly("escalated", "escalated", "breached");
        assertThat(fired).allSatisfy(e -> assertThat(e.details()).containsEntry("late", "true"));
    }

    @Test
    void removalSettlesTheClockClosesTheCaseAndNothingFiresAfterwards() {
        CaseFile c = complaint();
        f.clock.advance(Duration.ofMinutes(90));
        CaseFile removed = f.cases.act(c.id(), CaseAction.REMOVE, Actor.key("reviewer"), "depicts the complainant");
        assertThat(removed.state()).isEqualTo(CaseState.CLOSED);
        assertThat(removed.outcome()).contains(CaseAction.REMOVE);
        assertThat(removed.clock("remove").orElseThrow().stoppedAt()).contains(f.clock.instant());
        assertThat(removed.events())
                .filteredOn(e -> e instanceof CaseEvent.ClockStopped)
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("met", "true"));
        assertThat(types(removed)).contains("action_taken", "statement_of_reasons");
        assertThat(f.store.media().find(mediaId).orElseThrow().status()).isEqualTo(MediaStatus.REMOVED);
        assertThat(f.store.holds().forMedia(mediaId))
                .as("IT Rules r.3(1)(g): kept 180 days")
                .hasSize(1);
        f.clock.advance(Duration.ofHours(5));
        assertThat(f.cases.checkClocks()).as("a settled clock never breaches").isEmpty();
        assertThatThrownBy(() -> f.cases.act(c.id(), CaseAction.DISMISS, Actor.key("reviewer"), ""))
                .isInstanceOfSatisfying(
                        Conflict.class, e -> assertThat(e.code()).isEqualTo("request.conflict"))
                .hasMessageContaining("is closed");
    }

    @Test
    void acknowledgingAGrievanceStopsOnlyTheAcknowledgementClock() {
        CaseFile c = f.cases.openCase(new NoticeRequest("IN_3_2_A_GRIEVANCE", mediaId, COMPLAINT, Optional.empty()));
        f.clock.advance(Duration.ofHours(25));
        CaseFile acked = f.cases.act(c.id(), CaseAction.ACKNOWLEDGE, Actor.key("officer"), "received");
        assertThat(acked.clock("acknowledge").orElseThrow().running()).isFalse();
        assertThat(acked.clock("resolve").orElseThrow().running()).isTrue();
        assertThat(acked.events())
                .filteredOn(e -> e.wireName().equals("clock_stopped"))
                .singleElement()
                .satisfies(e -> assertThat(e.details())
                        .containsEntry("clock", "acknowledge")
                        .containsEntry("met", "false"));
        assertThat(acked.state()).isEqualTo(CaseState.OPEN);
    }

    @Test
    void anIncompleteNoticeWaitsAndItsClockStartsWhenCompleted() {
        CaseFile c = f.cases.openCase(new NoticeRequest(
                "US_TAKE_IT_DOWN_REQUEST", mediaId, Map.of("signature", "/s/ A. Person"), Optional.empty()));
        assertThat(c.awaitingInformation()).isTrue();
        assertThat(c.clocks())
                .as("§223a(a)(3): the 48 h run from a valid request")
                .isEmpty();
        assertThat(c.missingFields())
                .containsExactlyInAnyOrder(
                        "content_identification_and_location", "good_faith_nonconsent_statement", "contact_info");
        f.clock.advance(Duration.ofHours(10));
        CaseFile partial = f.cases.supplyFields(c.id(), Map.of("contact_info", "a@example.org"), Actor.key("notifier"));
        assertThat(partial.clocks()).isEmpty();
        Instant completedAt = f.clock.advance(Duration.ofHours(1));
        CaseFile complete = f.cases.supplyFields(
                c.id(),
                Map.of(
                        "content_identification_and_location",
                        "https://example.org/p/1",
                        "good_faith_nonconsent_statement",
                        "I did not consent"),
                Actor.key("notifier"));
        assertThat(complete.awaitingInformation()).isFalse();
        assertThat(complete.clock("remove").orElseThrow().startedAt()).isEqualTo(completedAt);
        assertThat(complete.clock("remove").orElseThrow().dueAt()).isEqualTo(completedAt.plus(Duration.ofHours(48)));
        assertThat(types(complete)).endsWith("fields_supplied", "notice_completed");
        assertThatThrownBy(
                        () -> f.cases.supplyFields(c.id(), Map.of("contact_info", "b@example.org"), Actor.key("other")))
                .hasMessageContaining("contact_info");
        assertThat(f.auditTypes("case:" + c.id()))
                .containsExactly("case.opened", "case.fields_supplied", "case.fields_supplied");
    }

    @Test
    void anAppealIsAcceptedWithinThePacksWindowAndRefusedAfterIt() {
        CaseFile first = complaint();
        f.cases.act(first.id(), CaseAction.REMOVE, Actor.key("reviewer"), "depicts the complainant");
        f.clock.advance(Duration.ofDays(30));
        CaseFile appealed = f.cases.appeal(first.id(), "uploader-1", "it is not me");
        assertThat(types(appealed)).endsWith("appeal_received");
        assertThatThrownBy(() -> f.cases.appeal(first.id(), "uploader-1", "again"))
                .hasMessageContaining("already has an appeal");

        String other = f.upload(2);
        CaseFile second = f.cases.openCase(new NoticeRequest("IN_3_2_B_COMPLAINT", other, COMPLAINT, Optional.empty()));
        f.cases.act(second.id(), CaseAction.REMOVE, Actor.key("reviewer"), "depicts the complainant");
        f.clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertThatThrownBy(() -> f.cases.appeal(second.id(), "uploader-2", "too late"))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("appeal window")
                .hasMessageContaining("r.3A");
    }

    @Test
    void aReversedAppealRestoresTheContent() {
        CaseFile c = complaint();
        f.cases.act(c.id(), CaseAction.REMOVE, Actor.key("reviewer"), "depicts the complainant");
        f.cases.appeal(c.id(), "uploader-1", "it is not me");
        CaseFile restored =
                f.cases.decideAppeal(c.id(), true, Actor.key("reviewer-2"), "the person depicted is someone else");
        assertThat(types(restored)).contains("appeal_decided");
        assertThat(restored.outcome()).contains(CaseAction.RESTORE);
        assertThat(f.store.media().find(mediaId).orElseThrow().status()).isNotEqualTo(MediaStatus.REMOVED);
    }

    @Test
    void aRemovedItemThatIsUploadedAgainIsBlockedAndTheCaseRecordsItsResurfacing() throws Exception {
        CaseFile c = complaint();
        f.cases.act(c.id(), CaseAction.REMOVE, Actor.key("reviewer"), "depicts the complainant");
        MediaScreened again = f.intake.ingest(
                f.photo(1), new UploadContext(Optional.of("uploader-9"), Optional.empty(), Optional.empty()));
        assertThat(again.report().decision()).isEqualTo(Decision.BLOCK);
        CaseFile after = f.cases.find(c.id()).orElseThrow();
        assertThat(after.events())
                .filteredOn(e -> e.wireName().equals("resurfaced"))
                .singleElement()
                .satisfies(e -> assertThat(e.details())
                        .containsEntry("uploaderId", "uploader-9")
                        .containsEntry("uploadId", Long.toString(again.upload().id())));
        assertThat(f.auditTypes("case:" + c.id())).endsWith("case.resurfaced");
    }

    @Test
    void aListenerFailureRollsBackTheCaseAndItsAuditEntry() {
        f = new UseCaseFixture(failingDir, (c, added) -> {
            throw new IllegalStateException("outbox full");
        });
        mediaId = f.upload(1);
        assertThatThrownBy(this::complaint).hasMessage("outbox full");
        assertThat(f.store.cases().open())
                .as("the unit of work rolled the stored case back")
                .isEmpty();
        assertThat(f.allAuditTypes()).doesNotContain("case.opened");
    }

    /** Everything a removal writes (media status, bank item, hold, audit entries, the case) commits together or not at all. */
    @Test
    void aRemovalThatFailsLeavesNoTraceInAnyStore() {
        f = new UseCaseFixture(failingDir, (k, added) -> {
            if (added.stream().anyMatch(e -> e instanceof CaseEvent.ActionTaken))
                throw new IllegalStateException("outbox full");
        });
        mediaId = f.upload(1);
        CaseFile c = complaint();
        long auditBefore = f.store.audit().last().orElseThrow().seq();
        assertThatThrownBy(
                        () -> f.cases.act(c.id(), CaseAction.REMOVE, Actor.key("reviewer"), "depicts the complainant"))
                .hasMessage("outbox full");
        assertThat(f.store.cases().find(c.id())).contains(c);
        assertThat(f.store.media().find(mediaId).orElseThrow().status()).isNotEqualTo(MediaStatus.REMOVED);
        assertThat(f.store.banks().all()).isEmpty();
        assertThat(f.banks.items("removed"))
                .as("the in-memory index changes only after commit")
                .isEmpty();
        assertThat(f.store.holds().forMedia(mediaId)).isEmpty();
        assertThat(f.store.audit().last().orElseThrow().seq()).isEqualTo(auditBefore);
        assertThat(f.audit.verify().valid()).isTrue();
    }

    /** DSA art.20(6): an appeal is not decided solely by automated means; the refusal is by the actor's type, whatever its name. */
    @Test
    void aComponentOfPramaanCannotDecideAnAppealWhateverItIsCalled() {
        CaseFile c = complaint();
        f.cases.act(c.id(), CaseAction.REMOVE, Actor.key("reviewer"), "depicts the complainant");
        f.cases.appeal(c.id(), "uploader-1", "it is not me");
        for (Actor machine : List.of(Actor.PLATFORM, Actor.component("clock"), Actor.component("key"))) {
            assertThatThrownBy(() -> f.cases.decideAppeal(c.id(), true, machine, "automated"))
                    .isInstanceOfSatisfying(
                            Invalid.class, e -> assertThat(e.field()).contains("reviewer"))
                    .hasMessageContaining("decided by a person");
        }
        assertThat(types(f.cases.find(c.id()).orElseThrow())).doesNotContain("appeal_decided");
        CaseFile byOperator =
                f.cases.decideAppeal(c.id(), false, Actor.operator("duty-officer"), "the complaint is credible");
        assertThat(byOperator.events())
                .last()
                .isInstanceOfSatisfying(
                        CaseEvent.AppealDecided.class,
                        e -> assertThat(e.details())
                                .containsEntry("reviewer", "cli:duty-officer")
                                .containsEntry("decision", "RESTRICTION_UPHELD"));
    }

    @Test
    void anUnknownCaseIsNotFoundWithTheCodeTheApiAnswers() {
        assertThatThrownBy(() -> f.cases.act("IN-NOPE", CaseAction.DISMISS, Actor.key("reviewer"), ""))
                .isInstanceOfSatisfying(
                        org.pramaan.errors.NotFound.class,
                        e -> assertThat(e.code()).isEqualTo("case.not_found"))
                .hasMessageContaining("IN-NOPE");
    }

    /** Issue 12: collaborators come only through the constructor (and the bus it subscribes to), and the unit of work cannot be left out. */
    @Test
    void theServiceIsBuiltOnlyFromDependenciesThatIncludeAUnitOfWork() {
        assertThat(org.pramaan.cases.CaseService.class.getConstructors())
                .singleElement()
                .satisfies(c -> assertThat(c.getParameterTypes())
                        .containsExactly(
                                org.pramaan.cases.CaseService.Dependencies.class, org.pramaan.events.EventBus.class));
        assertThat(org.pramaan.cases.CaseService.class.getMethods())
                .extracting(java.lang.reflect.Method::getName)
                .noneMatch(n -> n.startsWith("use") || n.startsWith("add") || n.startsWith("set"));
        assertThat(org.pramaan.cases.CaseService.Dependencies.class.getRecordComponents())
                .extracting(java.lang.reflect.RecordComponent::getType)
                .contains(org.pramaan.tx.UnitOfWork.class);
        assertThatThrownBy(() -> org.pramaan.cases.CaseService.Dependencies.of(
                        List.of(), f.store.cases(), f.store.media(), f.banks, f.audit, f.clock, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("unitOfWork");
    }
}
