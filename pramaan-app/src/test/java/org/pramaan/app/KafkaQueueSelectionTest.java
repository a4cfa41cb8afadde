package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Role;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.TestImages;
import org.pramaan.testkit.servers.KafkaBroker;

/**
 * {@code queue=kafka} through the configuration (issue 15): refused without a shared store or with malformed broker
 * lists, naming the key; two servers on one real PostgreSQL and one real Kafka broker, each on its own port, where a
 * hash banked over HTTP on one is matched over HTTP on the other within a second.
 */
class KafkaQueueSelectionTest {
    static final String ADMIN = "pmn_kafka_queue_admin_0123456789abcdef";
    static EmbeddedPostgres pg;
    static KafkaBroker broker;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void servers() throws Exception {
        broker = KafkaBroker.start(shared.resolve("kafka"));
        pg = TestPostgres.start();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE pramaan");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) broker.close();
        TestPostgres.stopAtExit(pg);
    }

    @AfterEach
    void closeNodes() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    Map<String, String> env(String node) {
        Map<String, String> env = new HashMap<>();
        env.put("PRAMAAN_DATA_DIR", dir.resolve(node).toString());
        env.put("PRAMAAN_ADMIN_KEY", ADMIN);
        env.put("PRAMAAN_HTTP_RATE_LIMIT_ENABLED", "false");
        env.put("PRAMAAN_STORE", "postgres");
        env.put("PRAMAAN_STORE_POSTGRES_URL", "jdbc:postgresql://localhost:" + pg.getPort() + "/pramaan");
        env.put("PRAMAAN_STORE_POSTGRES_USER", "postgres");
        env.put("PRAMAAN_QUEUE", "kafka");
        env.put("PRAMAAN_QUEUE_KAFKA_BOOTSTRAP", broker.bootstrapServers());
        env.put("PRAMAAN_QUEUE_KAFKA_TOPIC", "pramaan.selection-test.bank-changes");
        env.put("PRAMAAN_QUEUE_KAFKA_EVENTS_PREFIX", "pramaan.selection-test");
        return env;
    }

    static String refusal(Map<String, String> env) {
        try {
            PramaanConfig.load(env, new Properties());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + env);
    }

    @Test
    void badQueueSettingsStopStartUpNamingTheKey() {
        Map<String, String> embedded = env("x");
        embedded.put("PRAMAAN_STORE", "embedded");
        assertThat(refusal(embedded)).contains("queue").contains("store=postgres");
        Map<String, String> none = env("x");
        none.put("PRAMAAN_QUEUE_KAFKA_BOOTSTRAP", "");
        assertThat(refusal(none)).contains("queue.kafka.bootstrap").contains("required");
        Map<String, String> badPort = env("x");
        badPort.put("PRAMAAN_QUEUE_KAFKA_BOOTSTRAP", "broker:99999");
        assertThat(refusal(badPort)).contains("queue.kafka.bootstrap").contains("broker:99999");
        Map<String, String> badTopic = env("x");
        badTopic.put("PRAMAAN_QUEUE_KAFKA_TOPIC", "bank changes!");
        assertThat(refusal(badTopic)).contains("queue.kafka.topic");
        Map<String, String> badPrefix = env("x");
        badPrefix.put("PRAMAAN_QUEUE_KAFKA_EVENTS_PREFIX", "events/");
        assertThat(refusal(badPrefix)).contains("queue.kafka.events-prefix");
        Map<String, String> badEvents = env("x");
        badEvents.put("PRAMAAN_QUEUE_KAFKA_EVENTS", "yes");
        assertThat(refusal(badEvents)).contains("queue.kafka.events").contains("on or off");
        Map<String, String> kind = env("x");
        kind.put("PRAMAAN_QUEUE", "rabbit");
        assertThat(refusal(kind)).contains("queue").contains("in-process or kafka");
        assertThat(PramaanConfig.load(env("x"), new Properties()).queue().kafka())
                .isTrue();
    }

    ApiClient node(String name) throws Exception {
        Embedded app =
                new Embedded(PramaanConfig.load(env(name), new Properties()), FakeClock.at("2026-03-02T04:00:00Z"));
        if (app.keys().authenticate(ADMIN).isEmpty()) app.keys().register(Role.ADMIN, "admin " + name, ADMIN);
        Server server = Server.start(app, "127.0.0.1", 0);
        open.add(app);
        open.add(server);
        return new ApiClient(server.port());
    }

    @Test
    void aHashBankedOverHttpOnOneServerMatchesOnTheOtherWithinASecond() throws Exception {
        ApiClient a = node("a");
        ApiClient b = node("b");
        assertThat(a.postJson("/v1/banks", ADMIN, "{\"name\":\"ncii\",\"kind\":\"ncii\"}")
                        .status())
                .isEqualTo(201);
        PdqResult near = new PdqHasher().hash(TestImages.photo(320, 240, 21));
        byte[] copy = TestImages.jpeg(TestImages.photo(320, 240, 21), 0.6f);
        assertThat(b.postBytes("/v1/match", ADMIN, copy).json().path("matches").size())
                .as("nothing banked yet")
                .isZero();
        ApiClient.Response added = a.send(
                "POST",
                "/v1/banks/ncii/items",
                ADMIN,
                "application/x-ndjson",
                "{\"pdq\":\"" + near.hash().toHex() + "\",\"quality\":" + near.quality() + "}\n");
        assertThat(added.status()).as(added.raw()).isIn(200, 201);
        long start = System.nanoTime();
        while (b.postBytes("/v1/match", ADMIN, copy).json().path("matches").isEmpty()) {
            assertThat(System.nanoTime() - start).as("matched on b within 1 s").isLessThan(1_000_000_000L);
            Thread.sleep(10); // polling another node, not timing a deadline
        }
        System.out.printf("banked on a, matched on b after %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Every committed fact reaches the event topics: an upload on server a is on {@code <prefix>.media} keyed by its
     * media id, a notice on server b on {@code <prefix>.cases} keyed by its case id, each event carrying the audit
     * entry's seq and hash; the topics are read as any consumer would, from the beginning, deduplicating by seq.
     */
    @Test
    void uploadsAndCasesOverHttpAppearOnTheEventTopicsKeyedByTheirIds() throws Exception {
        ApiClient a = node("a");
        ApiClient b = node("b");
        String media = a.postBytes("/v1/media", ADMIN, TestMedia.cameraJpeg(77))
                .json()
                .path("id")
                .asText();
        ApiClient.Response notice = b.postJson(
                "/v1/notices",
                ADMIN,
                "{\"noticeType\":\"IN_3_1_D_ORDER\",\"mediaId\":\"" + media
                        + "\",\"fields\":{\"complainant\":\"k\",\"url\":\"https://example.org/k\"}}");
        assertThat(notice.status()).as(notice.raw()).isEqualTo(201);
        String caseId = notice.json().path("id").asText();

        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        p.put("group.id", "test-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        p.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        Map<Long, org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> bySeq = new java.util.TreeMap<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(p)) {
            consumer.subscribe(java.util.List.of(
                    "pramaan.selection-test.media", "pramaan.selection-test.cases", "pramaan.selection-test.audit"));
            long start = System.nanoTime();
            while (!(seen(bySeq, "media:" + media) && seen(bySeq, "case:" + caseId))) {
                assertThat(System.nanoTime() - start)
                        .as("events on the topics within 20 s: %s", bySeq.keySet())
                        .isLessThan(20_000_000_000L);
                for (var r : consumer.poll(java.time.Duration.ofMillis(200)))
                    bySeq.putIfAbsent(
                            org.pramaan.json.Json.mapper()
                                    .readTree(r.value())
                                    .path("seq")
                                    .asLong(),
                            r);
            }
        }
        for (var r : bySeq.values()) {
            var event = org.pramaan.json.Json.mapper().readTree(r.value());
            String subject = event.path("subject").asText();
            if (subject.equals("media:" + media)) {
                assertThat(r.topic()).isEqualTo("pramaan.selection-test.media");
                assertThat(r.key()).isEqualTo(media);
            } else if (subject.equals("case:" + caseId)) {
                assertThat(r.topic()).isEqualTo("pramaan.selection-test.cases");
                assertThat(r.key()).isEqualTo(caseId);
            }
            assertThat(event.path("hash").asText()).hasSize(64);
        }
        // The seqs a consumer holds are a gap-free prefix of the shared audit chain: nothing committed was skipped.
        long last = ((java.util.TreeMap<Long, ?>) bySeq).lastKey();
        assertThat(bySeq.keySet()).as("gap-free").hasSize((int) last);
        var verify = a.get("/v1/audit/verify", ADMIN);
        assertThat(verify.json().path("entriesChecked").asLong()).isGreaterThanOrEqualTo(last);
    }

    private static boolean seen(
            Map<Long, org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> bySeq, String subject) {
        return bySeq.values().stream().anyMatch(r -> r.value().contains("\"subject\":\"" + subject + "\""));
    }
}
