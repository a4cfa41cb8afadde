package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Actor;
import org.pramaan.access.ApiKeys;
import org.pramaan.access.ConsoleAccounts;
import org.pramaan.access.People;
import org.pramaan.access.Person;
import org.pramaan.access.PersonPreferences;
import org.pramaan.access.Preferences;
import org.pramaan.access.Role;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseAssignments;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseQueue;
import org.pramaan.cases.CaseView;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.cases.QualityReview;
import org.pramaan.decision.Decision;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Forbidden;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaStatus;
import org.pramaan.intake.ScreeningReviews;

/** The console's back-end use cases (issue 13) over the in-memory adapters and a fake clock. */
class ConsoleUseCasesTest {
    private static final Map<String, String> COMPLAINT =
            Map.of("complainant", "self", "url", "https://example.org/p/1");
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private UseCaseFixture f;
    private String mediaId;
    private People people;
    private CaseAssignments assignments;
    private CaseQueue queue;
    private ConsoleAccounts accounts;
    private Actor reviewer;
    private Actor other;
    private Actor admin;
    private Actor ingest;

    @BeforeEach
    void wire() {
        f = new UseCaseFixture(dir);
        mediaId = f.upload(1);
        people = new People(f.store.apiKeys(), f.store.people());
        assignments = new CaseAssignments(f.cases, people);
        queue = new CaseQueue(f.cases);
        accounts = new ConsoleAccounts(f.store.people(), f.audit, f.clock);
        ApiKeys keys = new ApiKeys(f.store.apiKeys(), f.audit, f.clock);
        reviewer = actor(keys.create(Role.REVIEWER, "rita"));
        other = actor(keys.create(Role.REVIEWER, "omar"));
        admin = actor(keys.create(Role.ADMIN, "ada"));
        ingest = actor(keys.create(Role.INGEST, "platform"));
    }

    private static Actor actor(ApiKeys.IssuedKey k) {
        return new Actor.Key(k.key().id(), Optional.of(k.key().role()));
    }

    private CaseFile complaint() {
        return f.cases.openCase(new NoticeRequest("IN_3_2_B_COMPLAINT", mediaId, COMPLAINT, Optional.empty()));
    }

    @Test
    void claimReassignUnassignAndEscalateAreEventsAuditedWithTheActorAndShownInTheCaseJson() {
        CaseFile c = complaint();
        CaseFile claimed = assignments.claim(c.id(), reviewer);
        assertThat(claimed.assignee()).contains(reviewer.wireName());
        CaseFile reassigned = assignments.assign(c.id(), other.wireName(), reviewer);
        assertThat(reassigned.assignee()).contains(other.wireName());
        assertThat(reassigned.events().getLast().details())
                .containsEntry("previous", reviewer.wireName())
                .containsEntry("by", reviewer.wireName());
        CaseFile escalated = assignments.escalate(c.id(), admin.wireName(), "needs a lawyer's view", other);
        assertThat(escalated.assignee()).contains(admin.wireName());
        assertThat(escalated.escalatedTo()).contains(admin.wireName());
        assertThat(escalated.events().getLast()).isInstanceOf(CaseEvent.EscalatedToSenior.class);
        assertThat(CaseView.of(escalated, f.clock))
                .containsEntry("assignee", admin.wireName())
                .containsEntry("escalatedTo", admin.wireName());
        CaseFile unassigned = assignments.unassign(c.id(), admin);
        assertThat(unassigned.assignee()).isEmpty();
        assertThat(unassigned.escalatedTo()).isEmpty();
        assertThat(CaseView.of(unassigned, f.clock)).doesNotContainKeys("assignee", "escalatedTo");
        assertThat(f.auditTypes("case:" + c.id()))
                .containsSubsequence("case.assigned", "case.assigned", "case.escalated_to_senior", "case.unassigned");
        // Stored: a reload (as after a restart) gives the same assignee.
        assertThat(f.store.reopen().cases().find(c.id()).orElseThrow().events()).isEqualTo(unassigned.events());
    }

    @Test
    void assigningToAnIngestKeyOrUnknownPersonOrByAnIngestKeyIsRefused() {
        CaseFile c = complaint();
        assertThatThrownBy(() -> assignments.assign(c.id(), ingest.wireName(), reviewer))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("assignee"));
        assertThatThrownBy(() -> assignments.assign(c.id(), "user:nobody", reviewer))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("assignee"));
        assertThatThrownBy(() -> assignments.claim(c.id(), ingest)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> assignments.claim(c.id(), Actor.component("clock")))
                .isInstanceOf(Forbidden.class);
        assertThat(f.store.cases().find(c.id()).orElseThrow().assignee()).isEmpty();
    }

    @Test
    void escalationNeedsASeniorTargetAndANote() {
        CaseFile c = complaint();
        assertThatThrownBy(() -> assignments.escalate(c.id(), other.wireName(), "why", reviewer))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("to"));
        assertThatThrownBy(() -> assignments.escalate(c.id(), admin.wireName(), " ", reviewer))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("note"));
        // An account with the senior flag is senior although a reviewer.
        accounts.create("sena", PASSWORD, Role.REVIEWER, true, admin);
        assertThat(assignments
                        .escalate(c.id(), "user:sena", "second opinion", reviewer)
                        .assignee())
                .contains("user:sena");
        assertThat(assignments.seniors()).extracting(Person::id).contains("user:sena", admin.wireName());
        assertThat(assignments.seniors()).extracting(Person::id).doesNotContain(reviewer.wireName());
    }

    @Test
    void aClosedCaseCannotBeAssigned() {
        CaseFile c = complaint();
        f.cases.act(c.id(), CaseAction.REMOVE, reviewer, "impersonation");
        assertThatThrownBy(() -> assignments.claim(c.id(), reviewer)).isInstanceOf(Conflict.class);
    }

    @Test
    void queueFiltersCombineAndKeepTheApiOrder() {
        CaseFile a = complaint();
        f.clock.advance(Duration.ofMinutes(1));
        CaseFile b = complaint();
        CaseFile us = f.cases.openCase(new NoticeRequest(
                "US_TAKE_IT_DOWN_REQUEST",
                mediaId,
                Map.of(
                        "signature", "Jane Doe",
                        "content_identification_and_location", "https://example.org/p/1",
                        "good_faith_nonconsent_statement", "not consensual",
                        "contact_info", "jane@example.org"),
                Optional.empty()));
        assignments.claim(b.id(), reviewer);
        assertThat(queue.open(CaseQueue.Filter.ALL, reviewer))
                .extracting(CaseFile::id)
                .containsExactlyElementsOf(f.cases.queue(Optional.empty(), Optional.empty()).stream()
                        .map(CaseFile::id)
                        .toList());
        CaseQueue.Filter mine = new CaseQueue.Filter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new CaseQueue.Assignment.ToMe()),
                Optional.empty());
        assertThat(queue.open(mine, reviewer)).extracting(CaseFile::id).containsExactly(b.id());
        assertThat(queue.open(mine, other)).isEmpty();
        CaseQueue.Filter unassignedIn = new CaseQueue.Filter(
                Optional.of("IN"),
                Optional.of("IN_3_2_B_COMPLAINT"),
                Optional.empty(),
                Optional.of(new CaseQueue.Assignment.Unassigned()),
                Optional.empty());
        assertThat(queue.open(unassignedIn, reviewer)).extracting(CaseFile::id).containsExactly(a.id());
        CaseQueue.Filter toRita = new CaseQueue.Filter(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new CaseQueue.Assignment.To(reviewer.wireName())),
                Optional.empty());
        assertThat(queue.open(toRita, admin)).extracting(CaseFile::id).containsExactly(b.id());
        CaseQueue.Filter breached = new CaseQueue.Filter(
                Optional.empty(),
                Optional.empty(),
                Optional.of(CaseQueue.State.BREACHED),
                Optional.empty(),
                Optional.empty());
        assertThat(queue.open(breached, admin)).isEmpty();
        f.clock.advance(Duration.ofHours(3)); // past the 2-hour IT Rules clock, within the US 48 hours
        assertThat(queue.open(breached, admin))
                .extracting(CaseFile::id)
                .containsExactlyInAnyOrder(a.id(), b.id())
                .doesNotContain(us.id());
    }

    @Test
    void theAppealsQueueListsCasesWithAnUndecidedAppealOnly() {
        CaseFile c = complaint();
        f.cases.act(c.id(), CaseAction.REMOVE, reviewer, "impersonation");
        assertThat(queue.appeals()).isEmpty();
        f.cases.appeal(c.id(), "uploader-1", "it is me in the photo");
        assertThat(queue.appeals()).extracting(CaseFile::id).containsExactly(c.id());
        f.cases.decideAppeal(c.id(), false, other, "the complaint stands");
        assertThat(queue.appeals()).isEmpty();
    }

    @Test
    void qualityReviewIsBlindBySomeoneElseAndCountsAgreement() {
        QualityReview all = new QualityReview(f.cases, people, 1.0, "k".getBytes(StandardCharsets.UTF_8));
        CaseFile agreed = complaint();
        CaseFile disagreed = complaint();
        f.cases.act(agreed.id(), CaseAction.REMOVE, reviewer, "impersonation");
        f.cases.act(disagreed.id(), CaseAction.REMOVE, reviewer, "impersonation");
        assertThat(all.queue(reviewer)).as("never one's own decisions").isEmpty();
        assertThat(all.queue(other))
                .extracting(QualityReview.Blind::caseId)
                .containsExactlyInAnyOrder(agreed.id(), disagreed.id());
        // The blind view is a record with no outcome or events: the first decision cannot leak through it.
        assertThat(QualityReview.Blind.class.getRecordComponents())
                .extracting(java.lang.reflect.RecordComponent::getName)
                .doesNotContain("outcome", "events");
        assertThatThrownBy(() -> all.view(agreed.id(), reviewer))
                .isInstanceOfSatisfying(
                        Forbidden.class, e -> assertThat(e.code()).isEqualTo("quality.own_decision"));
        assertThatThrownBy(() -> all.record(agreed.id(), reviewer, CaseAction.REMOVE, ""))
                .isInstanceOf(Forbidden.class);
        CaseFile r = all.record(agreed.id(), other, CaseAction.REMOVE, "");
        assertThat(r.events().getLast().details())
                .containsEntry("agrees", "true")
                .containsEntry("firstReviewer", reviewer.wireName());
        assertThat(all.record(disagreed.id(), admin, CaseAction.DISMISS, "not her")
                        .events()
                        .getLast()
                        .details())
                .containsEntry("agrees", "false");
        assertThatThrownBy(() -> all.record(agreed.id(), admin, CaseAction.REMOVE, ""))
                .isInstanceOf(Conflict.class);
        QualityReview.Agreement ag = all.agreement();
        assertThat(ag.byReviewer()).containsExactly(new QualityReview.Rate(reviewer.wireName(), 2, 1));
        assertThat(ag.byNoticeType()).containsExactly(new QualityReview.Rate("IN_3_2_B_COMPLAINT", 2, 1));
        assertThat(ag.byReviewer().getFirst().rate()).isEqualTo(0.5);
        assertThat(all.queue(other)).isEmpty();
    }

    @Test
    void samplingIsDeterministicPerCaseIdAndFollowsTheRate() {
        byte[] key = "deployment-key".getBytes(StandardCharsets.UTF_8);
        QualityReview tenth = new QualityReview(f.cases, people, 0.1, key);
        QualityReview again = new QualityReview(f.cases, people, 0.1, key);
        int hits = 0;
        for (int i = 0; i < 10_000; i++) {
            String id = "IN-" + i;
            assertThat(tenth.sampled(id)).isEqualTo(again.sampled(id));
            if (tenth.sampled(id)) hits++;
        }
        assertThat(hits).isBetween(850, 1150);
        assertThat(new QualityReview(f.cases, people, 0, key).sampled("IN-1")).isFalse();
        assertThatThrownBy(() -> new QualityReview(f.cases, people, 1.5, key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new QualityReview(f.cases, people, Double.NaN, key))
                .isInstanceOf(IllegalArgumentException.class);
        QualityReview none = new QualityReview(f.cases, people, 0, key);
        CaseFile c = complaint();
        f.cases.act(c.id(), CaseAction.REMOVE, reviewer, "x");
        assertThatThrownBy(() -> none.view(c.id(), other)).isInstanceOf(NotFound.class);
    }

    @Test
    void screeningReviewsListUnresolvedReviewUploadsNewestFirstAndResolveOnceWithAReason() {
        ScreeningReviews reviews = new ScreeningReviews(f.store.media(), f.audit);
        MediaRecord older = f.store.media().find(mediaId).orElseThrow();
        f.store.media().save(older.withStatus(MediaStatus.PENDING_REVIEW));
        f.clock.advance(Duration.ofMinutes(5));
        String newer = f.upload(2);
        f.store.media().save(f.store.media().find(newer).orElseThrow().withStatus(MediaStatus.PENDING_REVIEW));
        assertThat(reviews.pending(10)).extracting(MediaRecord::id).containsExactly(newer, mediaId);
        assertThatThrownBy(() -> reviews.resolve(newer, Decision.BLOCK, " ", reviewer))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("reason"));
        assertThatThrownBy(() -> reviews.resolve(newer, Decision.REVIEW, "x", reviewer))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("decision"));
        assertThat(reviews.resolve(newer, Decision.LABEL, "synthetic, disclosed", reviewer)
                        .status())
                .isEqualTo(MediaStatus.LABELLED);
        assertThat(reviews.pending(10)).extracting(MediaRecord::id).containsExactly(mediaId);
        assertThatThrownBy(() -> reviews.resolve(newer, Decision.ALLOW, "again", other))
                .isInstanceOf(Conflict.class);
        assertThat(f.auditTypes("media:" + newer)).contains("media.review_resolved");
    }

    @Test
    void preferencesDefaultToBlurEnglishUtcAndAreValidated() {
        PersonPreferences prefs = new PersonPreferences(f.store.people(), f.audit);
        assertThat(prefs.get(reviewer)).isEqualTo(new Preferences(true, "en", "UTC"));
        prefs.update(reviewer, new Preferences(false, "hi", "Asia/Kolkata"));
        assertThat(prefs.get(reviewer)).isEqualTo(new Preferences(false, "hi", "Asia/Kolkata"));
        assertThat(prefs.get(other)).isEqualTo(Preferences.DEFAULT);
        assertThatThrownBy(() -> new Preferences(true, "fr", "UTC"))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("language"));
        assertThatThrownBy(() -> new Preferences(true, "en", "Mars/Olympus"))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("timeZone"));
        assertThatThrownBy(() -> new Preferences(true, "en", "+05:30"))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("timeZone"));
        assertThatThrownBy(() -> new Preferences(true, "en", "A".repeat(100_000)))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void accountsHashWithArgon2idAuthenticateAndRefuseBadInput() {
        var a = accounts.create("zoe", PASSWORD, Role.REVIEWER, false, admin);
        assertThat(a.passwordHash())
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$")
                .doesNotContain(PASSWORD);
        assertThat(accounts.authenticate("zoe", PASSWORD))
                .contains(new Person("user:zoe", Role.REVIEWER, false, "zoe"));
        assertThat(accounts.authenticate("zoe", PASSWORD + "x")).isEmpty();
        assertThat(accounts.authenticate("nobody", PASSWORD)).isEmpty();
        assertThatThrownBy(() -> accounts.create("zoe", PASSWORD, Role.ADMIN, false, admin))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> accounts.create("ian", PASSWORD, Role.INGEST, false, admin))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("role"));
        assertThatThrownBy(() -> accounts.create("ian", "short-11chr", Role.REVIEWER, false, admin))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("password"));
        assertThatThrownBy(() -> accounts.create("ian", "p".repeat(129), Role.REVIEWER, false, admin))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("password"));
        assertThatThrownBy(() -> accounts.create("Ian<script>", PASSWORD, Role.REVIEWER, false, admin))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("username"));
        assertThat(accounts.create("ian", "p".repeat(12), Role.REVIEWER, false, admin)
                        .username())
                .isEqualTo("ian");
        accounts.setDisabled("zoe", true, admin);
        assertThat(accounts.authenticate("zoe", PASSWORD)).as("disabled").isEmpty();
        assertThat(people.find("user:zoe")).isEmpty();
        accounts.setDisabled("zoe", false, admin);
        assertThat(accounts.authenticate("zoe", PASSWORD)).isPresent();
        assertThat(f.auditTypes("user:zoe")).containsExactly("account.created", "account.disabled", "account.enabled");
    }

    @Test
    void fiveFailuresLockAUsernameForFifteenMinutes() {
        accounts.create("zoe", PASSWORD, Role.REVIEWER, false, admin);
        for (int i = 0; i < ConsoleAccounts.MAX_FAILURES; i++)
            assertThat(accounts.authenticate("zoe", "wrong password " + i)).isEmpty();
        assertThatThrownBy(() -> accounts.authenticate("zoe", PASSWORD))
                .isInstanceOfSatisfying(
                        Forbidden.class, e -> assertThat(e.code()).isEqualTo("auth.locked"));
        // An unknown name locks the same way, so the lock tells nothing about which names exist.
        for (int i = 0; i < ConsoleAccounts.MAX_FAILURES; i++) accounts.authenticate("ghost", "wrong password");
        assertThatThrownBy(() -> accounts.authenticate("ghost", PASSWORD)).isInstanceOf(Forbidden.class);
        f.clock.advance(ConsoleAccounts.LOCKOUT.minusSeconds(1));
        assertThatThrownBy(() -> accounts.authenticate("zoe", PASSWORD)).isInstanceOf(Forbidden.class);
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.authenticate("zoe", PASSWORD)).isPresent();
    }

    @Test
    void anIngestKeyIsNeverAPerson() {
        assertThat(people.find(ingest.wireName())).isEmpty();
        assertThat(people.all()).extracting(Person::id).doesNotContain(ingest.wireName());
        assertThat(people.find(reviewer.wireName())).map(Person::senior).contains(false);
        assertThat(people.find(admin.wireName())).map(Person::senior).contains(true);
        assertThat(List.of(Actor.parse("user:zoe"))).containsExactly(new Actor.User("zoe", Optional.empty()));
    }
}
