package org.pramaan.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditFeed;
import org.pramaan.audit.AuditLog;

/**
 * The audit log as an outbox of events (issue 15) on a real PostgreSQL: only committed entries, in seq order, each
 * published once by relays on several nodes, and again (never skipped) when a publish fails.
 */
class PgAuditFeedTest {
    @TempDir
    Path dir;

    @Test
    void onlyCommittedEntriesArePublishedInOrderAndAFailedPublishIsRetriedNotSkipped() throws Exception {
        try (PostgresStore store = PostgresTestServer.open(dir)) {
            AuditLog log = new AuditLog(store.audit(), Clock.systemUTC(), store.unitOfWork());
            log.append("upload.accepted", "media:m1", Map.of());
            assertThatThrownBy(() -> store.unitOfWork().run(() -> {
                        log.append("upload.accepted", "media:m2", Map.of());
                        throw new IllegalStateException("the upload's own write failed");
                    }))
                    .hasMessageContaining("own write failed");
            log.append("case.opened", "case:c1", Map.of());
            AuditFeed feed = store.auditFeed().orElseThrow();
            assertThat(feed.pending("f")).isEqualTo(2);

            assertThatThrownBy(() -> feed.relay("f", 10, entries -> {
                        throw new java.io.IOException("broker went away");
                    }))
                    .hasMessageContaining("broker went away");
            assertThat(feed.pending("f")).as("a failed publish moves nothing").isEqualTo(2);

            List<AuditEntry> got = new ArrayList<>();
            assertThat(feed.relay("f", 1, got::addAll)).isEqualTo(1);
            assertThat(feed.relay("f", 10, got::addAll)).isEqualTo(1);
            assertThat(feed.relay("f", 10, got::addAll)).isZero();
            assertThat(got).extracting(AuditEntry::subject).containsExactly("media:m1", "case:c1");
            assertThat(got).extracting(AuditEntry::seq).containsExactly(1L, 2L);
            assertThat(feed.pending("f")).isZero();
            assertThat(feed.pending("another feed"))
                    .as("each feed keeps its own position")
                    .isEqualTo(2);
        }
    }

    @Test
    void relaysOnThreeNodesPublishEveryEntryOnceInOrderWhileFourNodesAppend() throws Exception {
        List<PostgresStore> nodes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            for (int i = 0; i < 4; i++) nodes.add(PostgresTestServer.open(dir));
            List<Long> published = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean appending = new AtomicBoolean(true);
            List<Future<?>> work = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                PostgresStore s = nodes.get(n);
                int node = n;
                work.add(pool.submit(() -> {
                    AuditLog log = new AuditLog(s.audit(), Clock.systemUTC(), s.unitOfWork());
                    for (int i = 0; i < 50; i++) log.append("case.event", "case:n" + node + "-" + i, Map.of());
                    return null;
                }));
            }
            List<Future<?>> relays = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                AuditFeed feed = nodes.get(n).auditFeed().orElseThrow();
                relays.add(pool.submit(() -> {
                    while (appending.get() || feed.pending("events") > 0)
                        feed.relay("events", 7, entries -> entries.forEach(e -> published.add(e.seq())));
                    return null;
                }));
            }
            for (Future<?> f : work) f.get(120, TimeUnit.SECONDS);
            appending.set(false);
            for (Future<?> f : relays) f.get(120, TimeUnit.SECONDS);
            List<Long> expected = new ArrayList<>();
            for (long seq = 1; seq <= 200; seq++) expected.add(seq);
            assertThat(published).as("each of 200 entries once, in seq order").isEqualTo(expected);
        } finally {
            pool.shutdownNow();
            nodes.forEach(PostgresStore::close);
        }
    }

    @Test
    void aRelayWaitingOnItsBrokerHoldsUpNoWriteOfTheNode() throws Exception {
        // Regression (2026-12-05): the relays published inside the node's unit lock, so while the broker was down every
        // write of the node waited for each relay attempt's whole metadata wait (KafkaBankFeedTest stalled 11 min).
        try (PostgresStore store = PostgresTestServer.open(dir)) {
            AuditLog log = new AuditLog(store.audit(), Clock.systemUTC(), store.unitOfWork());
            log.append("upload.accepted", "media:m1", Map.of());
            java.util.concurrent.CountDownLatch publishing = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch brokerBack = new java.util.concurrent.CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> relay =
                        pool.submit(() -> store.auditFeed().orElseThrow().relay("f", 10, entries -> {
                            publishing.countDown();
                            brokerBack.await(); // a publish waiting on a broker that is down
                        }));
                assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();
                Future<?> write = pool.submit(() -> store.unitOfWork()
                        .run(() -> log.append("upload.accepted", "media:m2", Map.of()))); // a use case's unit
                // Bounded only so the old behaviour fails rather than hangs; the write itself takes milliseconds.
                write.get(20, TimeUnit.SECONDS);
                brokerBack.countDown();
                assertThat(relay.get(20, TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(store.auditFeed().orElseThrow().pending("f"))
                        .as("the entry written meanwhile waits for the next relay")
                        .isEqualTo(1);
            } finally {
                brokerBack.countDown();
                pool.shutdownNow();
            }
        }
    }
}
