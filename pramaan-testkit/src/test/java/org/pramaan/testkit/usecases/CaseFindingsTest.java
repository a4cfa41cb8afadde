package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditEntry;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseFinding;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.detect.Finding;
import org.pramaan.detect.LabelExport;
import org.pramaan.detect.ReviewLabel;
import org.pramaan.errors.Invalid;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.ScreeningReviews;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;

/**
 * Issue 16's reviewer feedback loop on case decisions: the finding given with the decision that settles a case's media
 * becomes calibration labels (source {@code case:<id>}) in the decision's unit of work, replacing earlier ones.
 */
class CaseFindingsTest {
    private static final Map<String, String> COMPLAINT =
            Map.of("complainant", "self", "url", "https://example.org/p/1");

    @TempDir
    Path dir;

    private UseCaseFixture f;
    private final Actor rita = Actor.operator("rita");
    private final Actor sam = Actor.operator("sam");

    @BeforeEach
    void setUp() {
        f = new UseCaseFixture(dir);
    }

    private static Signal score(String model, double raw, double p) {
        return new Signal(
                SignalType.DETECTOR_SCORE,
                Double.toString(p),
                SignalStrength.MODERATE,
                "model",
                Map.of("model", model, "version", "1", "raw", Double.toString(raw), "probability", Double.toString(p)));
    }

    /** Uploads a photo and gives its screening these extra signals. */
    private String screened(long seed, Signal... extra) {
        String id = f.upload(seed);
        MediaRecord m = f.store.media().find(id).orElseThrow();
        List<Signal> signals = new ArrayList<>(m.signals());
        signals.addAll(List.of(extra));
        f.store
                .media()
                .save(new MediaRecord(
                        m.id(),
                        m.md5(),
                        m.info(),
                        m.pdq(),
                        signals,
                        m.assessment(),
                        m.decision(),
                        m.decisionReasons(),
                        m.status(),
                        m.blobStored(),
                        m.firstSeenAt(),
                        m.lastScreenedAt(),
                        m.av()));
        return id;
    }

    private CaseFile complaint(String mediaId) {
        return f.cases.openCase(new NoticeRequest("IN_3_2_B_COMPLAINT", mediaId, COMPLAINT, Optional.empty()));
    }

    private static Optional<CaseFinding> finding(Finding finding, String family) {
        return Optional.of(new CaseFinding(finding, Optional.ofNullable(family)));
    }

    @Test
    void aRemovalsFindingBecomesOneLabelPerScoreWithTheCaseAsSourceAndIsAudited() {
        String id = screened(1, score("m", 1.25, 0.8), score("n", -0.5, 0.3));
        CaseFile c = complaint(id);
        f.clock.advance(Duration.ofMinutes(5));
        f.cases.act(c.id(), CaseAction.REMOVE, rita, "a deepfake", Map.of(), finding(Finding.SYNTHETIC, "sd-xl"));

        List<ReviewLabel> labels = f.store.reviewLabels().forMedia(id);
        assertThat(labels).extracting(ReviewLabel::modelId).containsExactly("m", "n");
        assertThat(labels).allSatisfy(l -> {
            assertThat(l.finding()).isEqualTo(Finding.SYNTHETIC);
            assertThat(l.family()).contains("sd-xl");
            assertThat(l.caseId()).contains(c.id());
            assertThat(l.source()).isEqualTo("case:" + c.id());
            assertThat(l.reviewer()).isEqualTo(rita.wireName());
            assertThat(l.labelledAt()).isEqualTo(f.clock.instant());
        });
        assertThat(labels.get(0).raw()).isEqualTo(1.25);
        AuditEntry acted = f.audit.forSubject("case:" + c.id()).getLast();
        assertThat(acted.type()).isEqualTo("case.action_taken");
        assertThat(acted.details()).contains("\"finding\":\"synthetic\"", "\"family\":\"sd-xl\"", "\"labels\":2");
        assertThat(LabelExport.of(f.store.reviewLabels().forModel("m", Optional.empty(), Optional.empty(), 10))
                        .csv())
                .isEqualTo("id,score,label,family,source\n" + id + "/image,1.25,synthetic,sd-xl,case:" + c.id() + "\n");
    }

    @Test
    void aReversedAppealsFindingReplacesTheRemovalsLabelsAndAnUpheldOneReplacesToo() {
        String id = screened(2, score("m", 2.0, 0.9));
        CaseFile c = complaint(id);
        f.cases.act(c.id(), CaseAction.REMOVE, rita, "a deepfake", Map.of(), finding(Finding.SYNTHETIC, null));
        f.cases.appeal(c.id(), "uploader-1", "it is my own photo");
        f.clock.advance(Duration.ofHours(1));
        f.cases.decideAppeal(c.id(), true, sam, "the original camera file was shown", finding(Finding.AUTHENTIC, null));
        assertThat(f.store.reviewLabels().forMedia(id)).singleElement().satisfies(l -> {
            assertThat(l.finding()).isEqualTo(Finding.AUTHENTIC);
            assertThat(l.reviewer()).isEqualTo(sam.wireName());
            assertThat(l.caseId()).contains(c.id());
            assertThat(l.labelledAt()).isEqualTo(f.clock.instant());
        });
        assertThat(f.audit.forSubject("case:" + c.id()).getLast().details()).contains("\"finding\":\"authentic\"");

        // An upheld restriction with a finding replaces the labels as well: the latest finding wins.
        String other = screened(3, score("m", 0.1, 0.2));
        CaseFile d = complaint(other);
        f.cases.act(d.id(), CaseAction.LABEL, rita, "synthetic", Map.of(), finding(Finding.UNSURE, null));
        f.cases.appeal(d.id(), "uploader-2", "not synthetic");
        f.cases.decideAppeal(d.id(), false, sam, "generator artefacts", finding(Finding.SYNTHETIC, "flux"));
        assertThat(f.store.reviewLabels().forMedia(other))
                .singleElement()
                .satisfies(l -> assertThat(l.family()).contains("flux"));
        AuditEntry decided = f.audit.forSubject("case:" + d.id()).getLast();
        assertThat(decided.type()).isEqualTo("case.appeal_decided");
        assertThat(decided.details()).contains("\"finding\":\"synthetic\"", "\"labels\":1");
    }

    @Test
    void aCaseFindingReplacesTheScreeningReviewsLabelsOfTheSameBytes() {
        String id = screened(4, score("m", 0.7, 0.6));
        ScreeningReviews reviews = new ScreeningReviews(f.store.media(), f.audit, f.store.reviewLabels());
        f.store
                .media()
                .save(f.store.media().find(id).orElseThrow().withStatus(org.pramaan.intake.MediaStatus.PENDING_REVIEW));
        reviews.resolve(
                id,
                org.pramaan.decision.Decision.ALLOW,
                "looks real",
                rita,
                Optional.of(Finding.AUTHENTIC),
                Optional.empty());
        assertThat(f.store.reviewLabels().forMedia(id))
                .singleElement()
                .satisfies(l -> assertThat(l.source()).isEqualTo("screening"));
        CaseFile c = complaint(id);
        f.cases.act(c.id(), CaseAction.REMOVE, sam, "a face swap", Map.of(), finding(Finding.SYNTHETIC, null));
        assertThat(f.store.reviewLabels().forMedia(id)).singleElement().satisfies(l -> {
            assertThat(l.finding()).isEqualTo(Finding.SYNTHETIC);
            assertThat(l.source()).isEqualTo("case:" + c.id());
        });
    }

    @Test
    void aLabelStoredBeforeCaseFindingsExistedReadsBackAsAScreeningOne() {
        // The SQLite and PostgreSQL adapters keep each label as JSON: rows written before this change have no caseId.
        ReviewLabel now = new ReviewLabel(
                "a".repeat(64),
                "m",
                "1",
                "image",
                0.5,
                0.5,
                Finding.AUTHENTIC,
                Optional.empty(),
                "user:rita",
                f.clock.instant());
        // An empty Optional is not written (NON_ABSENT), so a screening label's JSON is exactly a row of before.
        String legacy = org.pramaan.json.Json.write(now);
        assertThat(legacy).doesNotContain("caseId");
        ReviewLabel read = org.pramaan.json.Json.read(legacy, ReviewLabel.class);
        assertThat(read).isEqualTo(now);
        assertThat(read.source()).isEqualTo("screening");
        ReviewLabel fromCase = now.withCaseId("IN-1");
        assertThat(org.pramaan.json.Json.read(org.pramaan.json.Json.write(fromCase), ReviewLabel.class))
                .isEqualTo(fromCase);
    }

    @Test
    void mediaWithoutModelScoresAcceptsTheFindingAndRecordsNoLabel() {
        String id = screened(5);
        CaseFile c = complaint(id);
        f.cases.act(c.id(), CaseAction.DISMISS, rita, "authentic", Map.of(), finding(Finding.AUTHENTIC, null));
        assertThat(f.store.reviewLabels().forMedia(id)).isEmpty();
        assertThat(f.audit.forSubject("case:" + c.id()).getLast().details())
                .contains("\"finding\":\"authentic\"", "\"labels\":0");
    }

    @Test
    void aFindingWithAnActionThatSettlesNothingOrAMalformedOneIsRefusedNamingTheField() {
        String id = screened(6, score("m", 0.5, 0.5));
        CaseFile c = f.cases.openCase(new NoticeRequest("IN_3_2_A_GRIEVANCE", id, COMPLAINT, Optional.empty()));
        assertThatThrownBy(() -> f.cases.act(
                        c.id(), CaseAction.ACKNOWLEDGE, rita, "seen", Map.of(), finding(Finding.SYNTHETIC, null)))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("finding"));
        assertThat(f.store.reviewLabels().forMedia(id)).isEmpty();
        assertThatThrownBy(() -> f.cases.act(
                        c.id(),
                        CaseAction.DISMISS,
                        Actor.component("clock-checker"),
                        "auto",
                        Map.of(),
                        finding(Finding.AUTHENTIC, null)))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("finding"));
        assertThat(f.cases.find(c.id()).orElseThrow().outcome()).isEmpty();
        assertThatThrownBy(() -> CaseFinding.of(Optional.of("fake"), Optional.empty()))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("finding"));
        assertThatThrownBy(() -> CaseFinding.of(Optional.of("authentic"), Optional.of("sd-xl")))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("family"));
        assertThatThrownBy(() -> CaseFinding.of(Optional.empty(), Optional.of("sd-xl")))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("family"));
        assertThatThrownBy(() -> CaseFinding.of(Optional.of("synthetic"), Optional.of("a,b")))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("family"));
        assertThat(CaseFinding.of(Optional.of(" "), Optional.of(""))).isEmpty();
    }
}
