package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.testkit.TestImages;

/**
 * Requirements §(b) 1, 3 and 25 under a crash: 1,000 open cases with deadlines spread over
 * hours, the server killed with SIGKILL while its clock checker is firing, restarted, its clock
 * moved on. Every escalation and breach must fire exactly once, with its audit entry, and those
 * fired more than a minute after falling due are marked late. The server runs in its own process
 * with a clock the test sets through a file, so nothing here waits for real hours.
 */
class CrashRestartTest {
    static final String ADMIN = "pmn_crash_test_admin_key_0123456789";
    static final int CASES = 1000;
    static final Instant T0 = Instant.parse("2026-05-04T06:00:00Z");

    @TempDir
    Path dir;

    Process server;

    @AfterEach
    void kill() {
        if (server != null) server.destroyForcibly();
    }

    @Test
    void afterASigkillMidRunEveryEscalationAndBreachFiresExactlyOnceAndLateOnesAreMarkedLate() throws Exception {
        Path clockFile = dir.resolve("clock");
        Path data = dir.resolve("data");
        ClockFileServer.FileClock.set(clockFile, T0);
        ApiClient api = start(clockFile, data);
        ApiClient.Response up = api.postBytes("/v1/media", ADMIN, TestImages.png(TestImages.photo(96, 72, 5)));
        assertThat(up.status()).as(up.raw()).isIn(200, 201);
        String media = up.json().path("id").asText();
        Random random = new Random(20260504);
        List<Instant[]> clocks = new ArrayList<>(); // {received, deadline} per case
        long t0 = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            // Received up to an hour before entry: 2 h complaints fall due T0+1h..T0+2h, 3 h orders T0+2h..T0+3h.
            Instant received = T0.minusSeconds(random.nextInt(3600));
            boolean order = i % 2 == 1;
            String fields = order
                    ? "\"issuer_rank\":\"Joint Secretary\",\"written_authorisation\":\"w\",\"legal_basis\":\"b\",\"statutory_provision\":\"r.3(1)(d)\",\"unlawful_act\":\"a\",\"urls\":\"u\""
                    : "\"complainant\":\"self\"";
            ApiClient.Response r = api.postJson(
                    "/v1/notices",
                    ADMIN,
                    "{\"noticeType\":\"" + (order ? "IN_3_1_D_ORDER" : "IN_3_2_B_COMPLAINT") + "\",\"mediaId\":\""
                            + media + "\",\"receivedAt\":\"" + received + "\",\"fields\":{" + fields + "}}");
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            clocks.add(new Instant[] {received, received.plus(Duration.ofHours(order ? 3 : 2))});
        }
        long t1 = System.nanoTime();
        // Run normally for an hour of case time, a minute at a time: nothing fires late.
        for (int m = 1; m <= 60; m++) {
            Instant now = T0.plus(Duration.ofMinutes(m));
            ClockFileServer.FileClock.set(clockFile, now);
            awaitFired(data, expectedBy(clocks, now), Duration.ofSeconds(30));
        }
        long t2 = System.nanoTime();
        long beforeJump = fired(data);
        // Jump three hours ahead and kill the server while it fires what fell due meanwhile.
        ClockFileServer.FileClock.set(clockFile, T0.plus(Duration.ofHours(4)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fired(data) == beforeJump && System.nanoTime() < deadline) Thread.onSpinWait();
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        long atKill = fired(data);
        assertThat(atKill).as("the kill came after the checker started firing").isGreaterThan(beforeJump);
        // Down for another hour, then back: what is still due fires now, late.
        ClockFileServer.FileClock.set(clockFile, T0.plus(Duration.ofHours(5)));
        start(clockFile, data);
        awaitFired(data, 3L * CASES, Duration.ofSeconds(120));
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        try (Embedded app =
                new Embedded(ServerTestBase.config(data, Map.of()), new ClockFileServer.FileClock(clockFile))) {
            List<CaseFile> open = app.cases().open();
            assertThat(open).hasSize(CASES);
            int late = 0;
            int onTime = 0;
            for (CaseFile c : open) {
                List<CaseEvent> fired = c.events().stream()
                        .filter(e ->
                                e.wireName().equals("escalated") || e.wireName().equals("breached"))
                        .toList();
                assertThat(fired)
                        .as("case %s fired each of 50%%, 75%% and the breach once: %s", c.id(), fired)
                        .hasSize(3);
                assertThat(fired.stream()
                                .map(e -> e.wireName() + e.details().getOrDefault("threshold", ""))
                                .distinct())
                        .hasSize(3);
                for (CaseEvent e : fired) {
                    Instant due = Instant.parse(
                            e.details().getOrDefault("dueAt", e.details().get("deadline")));
                    boolean shouldBeLate = e.at().isAfter(due.plus(Duration.ofMinutes(1)));
                    assertThat(e.details().get("late"))
                            .as("%s %s due %s fired %s", c.id(), e.wireName(), due, e.at())
                            .isEqualTo(Boolean.toString(shouldBeLate));
                    if (shouldBeLate) late++;
                    else onTime++;
                }
            }
            assertThat(late).as("those due during the jump and the downtime").isPositive();
            assertThat(onTime).as("those fired while running").isPositive();
            assertThat(app.audit().verify().valid()).isTrue();
            System.out.printf(
                    "crash-restart: %d cases, %d events fired before the jump, %d at the kill, %d on time, %d late; intake %.1f s, 60 steps %.1f s%n",
                    CASES, beforeJump, atKill, onTime, late, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        }
        assertThat(fired(data))
                .as("one audit entry per event, none duplicated by the crash")
                .isEqualTo(3L * CASES);
    }

    private ApiClient start(Path clockFile, Path data) throws Exception {
        ClockFileServer.Launched l = ClockFileServer.launch(
                clockFile,
                Map.of(
                        "PRAMAAN_DATA_DIR",
                        data.toString(),
                        "PRAMAAN_ADMIN_KEY",
                        ADMIN,
                        "PRAMAAN_CASES_CLOCK_CHECK_INTERVAL",
                        "PT0.02S",
                        "PRAMAAN_HTTP_RATE_LIMIT_ENABLED",
                        "false"));
        server = l.process();
        return new ApiClient(l.port());
    }

    /** Escalations and breaches recorded in the audit log, read from the SQLite file while the server runs (WAL allows it). */
    private static long fired(Path data) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("pramaan.db") + "?open_mode=1");
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM audit_log WHERE type IN ('case.escalated', 'case.breached')")) {
            return rs.getLong(1);
        }
    }

    /** How many escalations (50 %, 75 %) and breaches fall due by {@code now}. */
    private static long expectedBy(List<Instant[]> clocks, Instant now) {
        long n = 0;
        for (Instant[] k : clocks) {
            long ms = Duration.between(k[0], k[1]).toMillis();
            for (double f : new double[] {0.5, 0.75})
                if (!k[0].plusMillis(Math.round(ms * f)).isAfter(now)) n++;
            if (now.isAfter(k[1])) n++;
        }
        return n;
    }

    private static void awaitFired(Path data, long expected, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        long n;
        while ((n = fired(data)) < expected) {
            if (System.nanoTime() > until)
                throw new AssertionError(
                        "only " + n + " of " + expected + " escalations and breaches fired within " + timeout);
            Thread.sleep(5); // polling another process for a condition, not timing a deadline
        }
        assertThat(n).as("nothing fires early or twice").isEqualTo(expected);
    }
}
