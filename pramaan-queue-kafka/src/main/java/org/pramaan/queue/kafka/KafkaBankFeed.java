package org.pramaan.queue.kafka;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.pramaan.banks.BankChangeLog;
import org.pramaan.banks.HashBanks;
import org.pramaan.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code queue=kafka} for bank changes (issue 15): every node relays the shared store's bank outbox to one topic
 * (keyed by bank, so a bank's changes keep their order; one relay at a time, see {@link BankChangeLog#relay}) and
 * follows that topic into its own in-memory index, so a hash banked or removed on one node matches, or stops
 * matching, on every node within the relay and poll intervals (about 0.1 s here, well inside the 1 s).
 *
 * <p>A node needs no committed offsets: it loads its index from the store when it starts, then reads the topic from
 * {@code replay} before that moment (by record timestamp), so a change committed while it was loading, or relayed
 * late, is applied; changes are idempotent, so the overlap is harmless. Delivery is at least once end to end: the
 * relay may publish a change twice (a crash between publish and commit) and a node may read one twice.
 */
public final class KafkaBankFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBankFeed.class);

    /**
     * @param bootstrap   the brokers, {@code host:port[,host:port…]}
     * @param topic       the bank-change topic
     * @param partitions  partitions when the topic is created here
     * @param replication replication factor when the topic is created here
     * @param replay      how far before its start a node reads the topic again
     * @param relayEvery  how often the relay looks for unpublished changes when it found none
     */
    public record Settings(
            String bootstrap, String topic, int partitions, short replication, Duration replay, Duration relayEvery) {
        public Settings {
            Objects.requireNonNull(bootstrap, "bootstrap");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(replay, "replay");
            Objects.requireNonNull(relayEvery, "relayEvery");
        }
    }

    private final Settings settings;
    private final BankChangeLog log;
    private final HashBanks banks;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Thread relay;
    private final Thread follower;
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private volatile boolean closed;

    private KafkaBankFeed(Settings settings, BankChangeLog log, HashBanks banks) {
        this.settings = settings;
        this.log = log;
        this.banks = banks;
        this.producer = new KafkaProducer<>(producerProps(settings.bootstrap()));
        this.consumer = new KafkaConsumer<>(consumerProps(settings.bootstrap()));
        this.relay = Thread.ofPlatform().name("bank-outbox-relay").daemon().unstarted(this::relayLoop);
        this.follower =
                Thread.ofPlatform().name("bank-change-follower").daemon().unstarted(this::followLoop);
    }

    /**
     * Checks the brokers answer, creates the topic if it is missing, and starts relaying and following.
     *
     * @param loadedAt when this node started loading its index from the store (the replay window ends there)
     * @throws IOException naming {@code queue.kafka.bootstrap} when no broker answers within {@code timeout}
     */
    public static KafkaBankFeed start(
            Settings settings, BankChangeLog log, HashBanks banks, Instant loadedAt, Duration timeout)
            throws IOException {
        ensureTopic(settings, timeout);
        KafkaBankFeed feed = new KafkaBankFeed(settings, log, banks);
        try {
            feed.assignFrom(loadedAt.minus(settings.replay()));
        } catch (RuntimeException e) {
            feed.close();
            throw new IOException(
                    "cannot read topic " + settings.topic() + " from " + settings.bootstrap()
                            + " (queue.kafka.bootstrap): " + e.getMessage(),
                    e);
        }
        feed.relay.start();
        feed.follower.start();
        return feed;
    }

    static void ensureTopic(Settings s, Duration timeout) throws IOException {
        KafkaTopics.ensure(s.bootstrap(), List.of(new NewTopic(s.topic(), s.partitions(), s.replication())), timeout);
    }

    static Properties producerProps(String bootstrap) {
        return KafkaTopics.producerProps(bootstrap);
    }

    private static Properties consumerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // No group: each node reads every partition itself (assign), positioned by time, committing nothing.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50); // low latency over batching: bank changes are few
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    private void assignFrom(Instant from) {
        List<TopicPartition> parts = new ArrayList<>();
        for (PartitionInfo i : consumer.partitionsFor(settings.topic(), Duration.ofSeconds(30)))
            parts.add(new TopicPartition(i.topic(), i.partition()));
        consumer.assign(parts);
        Map<TopicPartition, Long> at = new HashMap<>();
        for (TopicPartition tp : parts) at.put(tp, from.toEpochMilli());
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(at, Duration.ofSeconds(30));
        Map<TopicPartition, Long> ends = consumer.endOffsets(parts, Duration.ofSeconds(30));
        for (TopicPartition tp : parts) {
            OffsetAndTimestamp o = offsets.get(tp);
            consumer.seek(tp, o == null ? ends.get(tp) : o.offset());
        }
    }

    private void relayLoop() {
        KafkaTopics.relayLoop(
                () -> log.relay(500, this::publish),
                () -> closed,
                settings.relayEvery(),
                relayed,
                LOG,
                "bank outbox relay");
    }

    /** Sends a batch and waits until the brokers have it: only then does the relay mark the rows published. */
    void publish(List<BankChangeLog.Change> changes) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(changes.size());
        for (BankChangeLog.Change c : changes)
            sent.add(producer.send(new ProducerRecord<>(settings.topic(), c.bank(), Json.write(c))));
        producer.flush();
        for (Future<RecordMetadata> f : sent) f.get(30, TimeUnit.SECONDS);
    }

    private void followLoop() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        banks.apply(Json.read(r.value(), BankChangeLog.Change.class));
                        applied.incrementAndGet();
                    } catch (RuntimeException e) {
                        // A change this build cannot read is skipped, loudly; the rest of the stream still applies.
                        LOG.error(
                                "bank change at {}-{}@{} not applied: {}",
                                r.topic(),
                                r.partition(),
                                r.offset(),
                                e.toString());
                    }
                }
            }
        } catch (WakeupException e) {
            // close()
        } catch (RuntimeException e) {
            if (!closed) LOG.error("bank change follower stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Changes this node's relay has published, and changes it has applied from the topic. */
    public long relayed() {
        return relayed.get();
    }

    public long applied() {
        return applied.get();
    }

    @Override
    public void close() {
        closed = true;
        relay.interrupt();
        consumer.wakeup();
        try {
            relay.join(5000);
            if (follower.isAlive()) follower.join(5000);
            else if (follower.getState() == Thread.State.NEW) consumer.close(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
