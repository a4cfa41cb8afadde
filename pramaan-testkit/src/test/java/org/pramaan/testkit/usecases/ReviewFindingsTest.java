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
import org.pramaan.decision.Decision;
import org.pramaan.detect.Finding;
import org.pramaan.detect.LabelExport;
import org.pramaan.detect.ReviewLabel;
import org.pramaan.errors.Invalid;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaStatus;
import org.pramaan.intake.ScreeningReviews;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;

/** Issue 16's reviewer feedback loop: a screening review's finding becomes labels for the model scores it had. */
class ReviewFindingsTest {
    @TempDir
    Path dir;

    private UseCaseFixture f;
    private ScreeningReviews reviews;
    private final Actor rita = Actor.operator("rita");

    @BeforeEach
    void setUp() {
        f = new UseCaseFixture(dir);
        reviews = new ScreeningReviews(f.store.media(), f.audit, f.store.reviewLabels());
    }

    private static Signal score(String model, String version, double raw, double p, Map<String, String> more) {
        Map<String, String> a = new java.util.LinkedHashMap<>(Map.of(
                "model", model, "version", version, "raw", Double.toString(raw), "probability", Double.toString(p)));
        a.putAll(more);
        return new Signal(SignalType.DETECTOR_SCORE, Double.toString(p), SignalStrength.MODERATE, "model", a);
    }

    /** Uploads a photo and gives it these signals and the status of an unresolved review. */
    private String pending(long seed, Signal... extra) {
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
                        MediaStatus.PENDING_REVIEW,
                        m.blobStored(),
                        m.firstSeenAt(),
                        m.lastScreenedAt(),
                        m.av()));
        return id;
    }

    @Test
    void aFindingOnAnItemWithModelScoresRecordsOneLabelPerScoreScopeInTheResolutionsUnit() {
        String id = pending(
                1,
                score("m", "1", 1.25, 0.8, Map.of()),
                score("m", "1", -0.5, 0.3, Map.of("face", "2")),
                score("v", "3", 0.75, 0.6, Map.of("frames", "9", "track", "4")),
                new Signal(
                        SignalType.DETECTOR_SCORE,
                        "failed",
                        SignalStrength.INFO,
                        "model x",
                        Map.of("model", "x", "version", "1", "error", "detect.timeout")));
        f.clock.advance(Duration.ofMinutes(3));
        reviews.resolve(
                id, Decision.LABEL, "diffusion artefacts", rita, Optional.of(Finding.SYNTHETIC), Optional.of("sd-xl"));

        List<ReviewLabel> labels = f.store.reviewLabels().forMedia(id);
        assertThat(labels)
                .extracting(ReviewLabel::modelId, ReviewLabel::scope, ReviewLabel::raw, ReviewLabel::probability)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("m", "image", 1.25, 0.8),
                        org.assertj.core.groups.Tuple.tuple("m", "face 2", -0.5, 0.3),
                        org.assertj.core.groups.Tuple.tuple("v", "track 4", 0.75, 0.6));
        assertThat(labels).allSatisfy(l -> {
            assertThat(l.finding()).isEqualTo(Finding.SYNTHETIC);
            assertThat(l.family()).contains("sd-xl");
            assertThat(l.reviewer()).isEqualTo(rita.wireName());
            assertThat(l.labelledAt()).isEqualTo(f.clock.instant());
        });
        AuditEntry resolved = f.audit.forSubject("media:" + id).getLast();
        assertThat(resolved.type()).isEqualTo("media.review_resolved");
        assertThat(resolved.details()).contains("\"finding\":\"synthetic\"", "\"family\":\"sd-xl\"", "\"labels\":3");
    }

    @Test
    void aLaterResolutionReplacesTheEarlierLabelsAndNoFindingOrNoScoreRecordsNothing() {
        String id = pending(2, score("m", "1", 1.0, 0.7, Map.of()));
        reviews.resolve(id, Decision.LABEL, "looks generated", rita, Optional.of(Finding.SYNTHETIC), Optional.empty());
        // Screened again (a re-upload after a policy change) and resolved again by someone who knows better.
        MediaRecord m = f.store.media().find(id).orElseThrow();
        f.store.media().save(m.withStatus(MediaStatus.PENDING_REVIEW));
        f.clock.advance(Duration.ofHours(1));
        reviews.resolve(
                id, Decision.ALLOW, "camera original checked", rita, Optional.of(Finding.AUTHENTIC), Optional.empty());
        assertThat(f.store.reviewLabels().forMedia(id))
                .singleElement()
                .satisfies(l -> assertThat(l.finding()).isEqualTo(Finding.AUTHENTIC));

        // Screened again without model scores (the model was removed) and found unsure: the old labels are cleared.
        f.store.media().save(m.withStatus(MediaStatus.PENDING_REVIEW)); // m has the scores; strip them below
        MediaRecord noScores = f.store.media().find(id).orElseThrow();
        f.store
                .media()
                .save(new MediaRecord(
                        noScores.id(),
                        noScores.md5(),
                        noScores.info(),
                        noScores.pdq(),
                        noScores.signals().stream()
                                .filter(s -> s.type() != SignalType.DETECTOR_SCORE)
                                .toList(),
                        noScores.assessment(),
                        noScores.decision(),
                        noScores.decisionReasons(),
                        MediaStatus.PENDING_REVIEW,
                        noScores.blobStored(),
                        noScores.firstSeenAt(),
                        noScores.lastScreenedAt(),
                        noScores.av()));
        reviews.resolve(id, Decision.ALLOW, "cannot tell", rita, Optional.of(Finding.UNSURE), Optional.empty());
        assertThat(f.store.reviewLabels().forMedia(id)).isEmpty();
        assertThat(f.audit.forSubject("media:" + id).getLast().details()).contains("\"labels\":0");

        String plain = pending(3);
        reviews.resolve(plain, Decision.ALLOW, "fine", rita, Optional.of(Finding.AUTHENTIC), Optional.empty());
        assertThat(f.store.reviewLabels().forMedia(plain))
                .as("no model scores, no labels")
                .isEmpty();
        String unassessed = pending(4, score("m", "1", 2.0, 0.9, Map.of()));
        reviews.resolve(unassessed, Decision.BLOCK, "policy", rita);
        assertThat(f.store.reviewLabels().forMedia(unassessed))
                .as("no finding, no labels")
                .isEmpty();
    }

    @Test
    void aFamilyIsBoundedAndOnlyGoesWithASyntheticFindingAndNothingChangesWhenRefused() {
        String id = pending(5, score("m", "1", 1.0, 0.7, Map.of()));
        assertThatThrownBy(() -> reviews.resolve(
                        id, Decision.LABEL, "x", rita, Optional.of(Finding.SYNTHETIC), Optional.of("a,b")))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("family"));
        assertThatThrownBy(() -> reviews.resolve(
                        id, Decision.LABEL, "x", rita, Optional.of(Finding.SYNTHETIC), Optional.of("f".repeat(65))))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("family"));
        assertThatThrownBy(() -> reviews.resolve(
                        id, Decision.ALLOW, "x", rita, Optional.of(Finding.AUTHENTIC), Optional.of("sd-xl")))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("family"));
        assertThatThrownBy(() -> Finding.parse("fake"))
                .isInstanceOfSatisfying(
                        Invalid.class, e -> assertThat(e.field()).contains("finding"));
        assertThat(f.store.media().find(id).orElseThrow().status()).isEqualTo(MediaStatus.PENDING_REVIEW);
        assertThat(f.store.reviewLabels().forMedia(id)).isEmpty();
    }

    @Test
    void theExportIsTheLabelledCsvWithUnsureLeftOutAndCounted() {
        String a = pending(6, score("m", "1", 1.5, 0.8, Map.of()));
        String b = pending(7, score("m", "1", -2.0, 0.1, Map.of()));
        String c = pending(8, score("m", "1", 0.0, 0.5, Map.of()));
        reviews.resolve(a, Decision.LABEL, "x", rita, Optional.of(Finding.SYNTHETIC), Optional.of("sd-xl"));
        f.clock.advance(Duration.ofMinutes(1)); // the export is oldest first
        reviews.resolve(b, Decision.ALLOW, "x", rita, Optional.of(Finding.AUTHENTIC), Optional.empty());
        reviews.resolve(c, Decision.ALLOW, "x", rita, Optional.of(Finding.UNSURE), Optional.empty());
        LabelExport e = LabelExport.of(f.store.reviewLabels().forModel("m", Optional.empty(), Optional.empty(), 100));
        assertThat(e.csv())
                .isEqualTo("id,score,label,family,source\n" + a + "/image,1.5,synthetic,sd-xl,screening\n" + b
                        + "/image,-2.0,authentic,,screening\n");
        assertThat(List.of(e.synthetic(), e.authentic(), e.unsure())).containsExactly(1, 1, 1);
        assertThat(e.table()).contains("family sd-xl").contains("unsure (left out)");
    }
}
