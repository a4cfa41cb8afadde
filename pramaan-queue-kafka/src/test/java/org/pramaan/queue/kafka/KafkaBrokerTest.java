package org.pramaan.queue.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testkit.servers.KafkaBroker;

/**
 * The base for {@code queue=kafka}: a real KRaft broker in a child JVM (started once for the class)
 * takes keyed records with {@code acks=all} and idempotence, a consumer group reads them back, and an
 * acknowledged record survives the broker being SIGKILLed and restarted.
 */
class KafkaBrokerTest {
    @TempDir
    static Path dir;

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(dir.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) broker.close();
    }

    @Test
    void aKeyedRecordIsProducedAndConsumedOnItsKeysPartition() throws Exception {
        createTopic("media-screened", 3);
        RecordMetadata first;
        RecordMetadata again;
        try (KafkaProducer<String, String> producer = producer()) {
            first = producer.send(new ProducerRecord<>("media-screened", "media-ab12", "{\"decision\":\"label\"}"))
                    .get();
            again = producer.send(new ProducerRecord<>("media-screened", "media-ab12", "{\"decision\":\"block\"}"))
                    .get();
        }
        assertThat(again.partition())
                .as("one key, one partition: its records stay in order")
                .isEqualTo(first.partition());
        assertThat(again.offset()).isEqualTo(first.offset() + 1);

        List<ConsumerRecord<String, String>> read = readAll("media-screened", 2);
        assertThat(read).extracting(ConsumerRecord::key).containsExactly("media-ab12", "media-ab12");
        assertThat(read)
                .extracting(ConsumerRecord::value)
                .containsExactly("{\"decision\":\"label\"}", "{\"decision\":\"block\"}");
        assertThat(read.get(0).partition()).isEqualTo(first.partition());
    }

    @Test
    void anAcknowledgedRecordSurvivesTheBrokerBeingKilled() throws Exception {
        createTopic("case-events", 1);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("case-events", "case-7", "escalated"))
                    .get();
        }
        broker.kill();
        broker.restart();
        assertThat(readAll("case-events", 1))
                .singleElement()
                .satisfies(r -> assertThat(r.key() + "=" + r.value()).isEqualTo("case-7=escalated"));
    }

    private static void createTopic(String name, int partitions) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get();
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Reads {@code count} records from the start in a new consumer group, giving up after 60 s of polling. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < count && System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            }
            consumer.commitSync();
        }
        return read;
    }
}
