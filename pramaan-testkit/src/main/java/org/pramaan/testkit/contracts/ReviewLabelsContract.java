package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.detect.Finding;
import org.pramaan.detect.ReviewLabel;
import org.pramaan.detect.ReviewLabels;
import org.pramaan.tx.UnitOfWork;

/** Contract for {@link ReviewLabels} adapters (issue 16, reviewer feedback loop). */
public abstract class ReviewLabelsContract {
    @TempDir
    protected Path dir;

    /** A store's labels and the unit of work they join. */
    public record Opened(ReviewLabels labels, UnitOfWork unit) {}

    protected abstract Opened open(Path dir);

    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);

    static ReviewLabel label(
            String media, String model, String version, String scope, double raw, Finding f, Instant at) {
        return new ReviewLabel(
                media,
                model,
                version,
                scope,
                raw,
                0.25,
                f,
                f == Finding.SYNTHETIC ? Optional.of("sd-xl") : Optional.empty(),
                "user:rev",
                at);
    }

    @Test
    void keepsTheCaseAFindingCameFromAndACaseFindingReplacesAScreeningOne() {
        ReviewLabels labels = open(dir).labels();
        ReviewLabel screening = label(A, "m", "1", "image", 0.5, Finding.AUTHENTIC, Samples.T0);
        labels.replaceForMedia(A, List.of(screening));
        assertThat(labels.forMedia(A)).singleElement().satisfies(l -> {
            assertThat(l.caseId()).isEmpty();
            assertThat(l.source()).isEqualTo("screening");
        });
        ReviewLabel fromCase = label(A, "m", "1", "image", 0.5, Finding.SYNTHETIC, Samples.T0.plusSeconds(9))
                .withCaseId("IN-2026-000017");
        labels.replaceForMedia(A, List.of(fromCase));
        assertThat(labels.forMedia(A)).containsExactly(fromCase);
        assertThat(labels.forModel("m", Optional.empty(), Optional.empty(), 10))
                .singleElement()
                .satisfies(l -> assertThat(l.source()).isEqualTo("case:IN-2026-000017"));
    }

    @Test
    void storesEveryFieldAndReplacesAMediasRowsOnALaterResolution() {
        ReviewLabels labels = open(dir).labels();
        Instant t0 = Samples.T0;
        ReviewLabel image = label(A, "m", "1", "image", -1.5, Finding.SYNTHETIC, t0);
        ReviewLabel face = label(A, "m", "1", "face 1", 2.75, Finding.SYNTHETIC, t0);
        ReviewLabel other = label(B, "m", "1", "image", 0.5, Finding.AUTHENTIC, t0);
        labels.replaceForMedia(A, List.of(image, face));
        labels.replaceForMedia(B, List.of(other));
        assertThat(labels.forMedia(A)).containsExactlyInAnyOrder(image, face);
        assertThat(labels.forMedia(A).getFirst().family()).contains("sd-xl");

        ReviewLabel again = label(A, "m", "2", "image", 0.125, Finding.AUTHENTIC, t0.plusSeconds(60));
        labels.replaceForMedia(A, List.of(again));
        assertThat(labels.forMedia(A))
                .as("the later resolution replaces every row of the media")
                .containsExactly(again);
        assertThat(labels.forMedia(B)).containsExactly(other);
        labels.replaceForMedia(B, List.of());
        assertThat(labels.forMedia(B)).isEmpty();
    }

    @Test
    void forModelFiltersByVersionAndTimeOldestFirstUpToTheLimit() {
        ReviewLabels labels = open(dir).labels();
        Instant t0 = Samples.T0;
        ReviewLabel late = label(A, "m", "1", "image", 1, Finding.SYNTHETIC, t0.plusSeconds(100));
        ReviewLabel early = label(B, "m", "1", "image", 2, Finding.UNSURE, t0);
        ReviewLabel v2 = label(B, "m", "2", "image", 3, Finding.AUTHENTIC, t0.plusSeconds(50));
        ReviewLabel otherModel = label(B, "n", "1", "image", 4, Finding.AUTHENTIC, t0);
        labels.replaceForMedia(A, List.of(late));
        labels.replaceForMedia(B, List.of(early, v2, otherModel));
        assertThat(labels.forModel("m", Optional.empty(), Optional.empty(), 100))
                .containsExactly(early, v2, late);
        assertThat(labels.forModel("m", Optional.of("1"), Optional.empty(), 100))
                .containsExactly(early, late);
        assertThat(labels.forModel("m", Optional.empty(), Optional.of(t0.plusSeconds(50)), 100))
                .containsExactly(v2, late);
        assertThat(labels.forModel("m", Optional.empty(), Optional.empty(), 2)).containsExactly(early, v2);
        assertThat(labels.forModel("x", Optional.empty(), Optional.empty(), 100))
                .isEmpty();
    }

    @Test
    void refusesLabelsOfAnotherMediaOrTwoWithOneKey() {
        ReviewLabels labels = open(dir).labels();
        ReviewLabel a = label(A, "m", "1", "image", 1, Finding.SYNTHETIC, Samples.T0);
        assertThatThrownBy(() -> labels.replaceForMedia(B, List.of(a))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> labels.replaceForMedia(A, List.of(a, a))).isInstanceOf(IllegalArgumentException.class);
        assertThat(labels.forMedia(A)).isEmpty();
    }

    @Test
    void aUnitThatFailsLeavesTheEarlierRowsInPlace() {
        Opened o = open(dir);
        ReviewLabel first = label(A, "m", "1", "image", 1, Finding.SYNTHETIC, Samples.T0);
        o.labels().replaceForMedia(A, List.of(first));
        RuntimeException failure = new IllegalStateException("after the labels");
        assertThatThrownBy(() -> o.unit().run(() -> {
                    o.labels()
                            .replaceForMedia(A, List.of(label(A, "m", "1", "image", 9, Finding.AUTHENTIC, Samples.T0)));
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(o.labels().forMedia(A)).containsExactly(first);
    }
}
