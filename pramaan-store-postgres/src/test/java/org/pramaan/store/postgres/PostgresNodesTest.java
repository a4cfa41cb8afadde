package org.pramaan.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.audit.AuditLog;
import org.pramaan.cases.CaseClock;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseState;
import org.pramaan.errors.Conflict;

/** Two nodes (two stores on one database) changing the same case or appending to the audit chain at once. */
class PostgresNodesTest {
    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    private static CaseFile open(String id) {
        return new CaseFile(
                id,
                "IN_3_2_B_COMPLAINT",
                "IN",
                "IT Rules r.3(2)(b)",
                "a".repeat(64),
                T0,
                Map.of("complainant", "self"),
                List.of(new CaseClock(
                        "remove", "two hours", T0, T0.plus(Duration.ofHours(2)), List.of(0.5), Optional.empty())),
                CaseState.OPEN,
                Optional.empty(),
                List.of(new CaseEvent.Opened(T0, Map.of("noticeType", "IN_3_2_B_COMPLAINT"))),
                List.of(),
                false,
                false);
    }

    private static CaseFile escalated(CaseFile c, String by) {
        List<CaseEvent> events = new java.util.ArrayList<>(c.events());
        events.add(new CaseEvent.Escalated(T0.plusSeconds(3600), Map.of("clock", "remove", "by", by)));
        return new CaseFile(
                c.id(),
                c.noticeType(),
                c.jurisdiction(),
                c.article(),
                c.mediaId(),
                c.receivedAt(),
                c.notice(),
                c.clocks(),
                c.state(),
                c.outcome(),
                events,
                c.missingFields(),
                c.legalReview(),
                c.awaitingInformation());
    }

    @Test
    void aSaveBasedOnAReadAnotherNodeHasSinceSavedOverIsRefusedAndRolledBack() throws Exception {
        try (PostgresStore a = PostgresTestServer.open(dir);
                PostgresStore b = PostgresTestServer.open(dir)) {
            a.cases().save(open("IN-1"));
            CountDownLatch read = new CountDownLatch(1);
            CountDownLatch bSaved = new CountDownLatch(1);
            CompletableFuture<Void> nodeA =
                    CompletableFuture.runAsync(() -> a.unitOfWork().run(() -> {
                        CaseFile c = a.cases().find("IN-1").orElseThrow();
                        read.countDown();
                        try {
                            assertThat(bSaved.await(30, TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        a.cases().save(escalated(c, "node-a"));
                        return null;
                    }));
            assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
            b.unitOfWork().run(() -> {
                b.cases().save(escalated(b.cases().find("IN-1").orElseThrow(), "node-b"));
                return null;
            });
            bSaved.countDown();
            assertThatThrownBy(() -> nodeA.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(Conflict.class)
                    .hasMessageContaining("case 'IN-1' was changed by another request or node since it was read");
            CaseFile stored = b.cases().find("IN-1").orElseThrow();
            assertThat(stored.events()).hasSize(2);
            assertThat(stored.events().get(1).details()).containsEntry("by", "node-b");
        }
    }

    @Test
    void aCaseClaimedByOneNodesUnitIsSkippedByAnotherUntilItCommits() throws Exception {
        try (PostgresStore a = PostgresTestServer.open(dir);
                PostgresStore b = PostgresTestServer.open(dir)) {
            a.cases().save(open("IN-3"));
            assertThat(b.cases().claim("IN-3"))
                    .as("outside a unit: a plain read")
                    .isPresent();
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> nodeA =
                    CompletableFuture.runAsync(() -> a.unitOfWork().run(() -> {
                        CaseFile c = a.cases().claim("IN-3").orElseThrow();
                        claimed.countDown();
                        try {
                            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        a.cases().save(escalated(c, "node-a"));
                        return null;
                    }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(b.unitOfWork().run(() -> b.cases().claim("IN-3")))
                    .as("node A holds it: skipped at once, not waited for")
                    .isEmpty();
            release.countDown();
            nodeA.get(30, TimeUnit.SECONDS);
            CaseFile after = b.unitOfWork().run(() -> b.cases().claim("IN-3")).orElseThrow();
            assertThat(after.events())
                    .as("claimed after the commit: node A's event is there")
                    .hasSize(2);
        }
    }

    @Test
    void withinOneUnitAReadCaseMayBeSavedTwice() {
        try (PostgresStore a = PostgresTestServer.open(dir)) {
            a.cases().save(open("IN-2"));
            a.unitOfWork().run(() -> {
                CaseFile c = a.cases().find("IN-2").orElseThrow();
                CaseFile once = escalated(c, "first");
                a.cases().save(once);
                a.cases().save(escalated(once, "second"));
                return null;
            });
            assertThat(a.cases().find("IN-2").orElseThrow().events()).hasSize(3);
        }
    }

    @Test
    void twoNodesAppendingToTheAuditLogAtOnceKeepOneUnbrokenChain() throws Exception {
        try (PostgresStore a = PostgresTestServer.open(dir);
                PostgresStore b = PostgresTestServer.open(dir)) {
            Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
            AuditLog logA = new AuditLog(a.audit(), clock, a.unitOfWork(), Optional.empty());
            AuditLog logB = new AuditLog(b.audit(), clock, b.unitOfWork(), Optional.empty());
            int each = 40;
            CompletableFuture<Void> fa = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < each; i++) logA.append("test.a", "node:a", AuditLog.details("i", i));
            });
            CompletableFuture<Void> fb = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < each; i++) logB.append("test.b", "node:b", AuditLog.details("i", i));
            });
            CompletableFuture.allOf(fa, fb).get(120, TimeUnit.SECONDS);
            assertThat(a.audit().last().orElseThrow().seq()).isEqualTo(2L * each);
            assertThat(logA.verify().valid()).as("the chain verifies").isTrue();
            assertThat(a.audit().bySubject("node:a")).hasSize(each);
            assertThat(a.audit().bySubject("node:b")).hasSize(each);
        }
    }
}
