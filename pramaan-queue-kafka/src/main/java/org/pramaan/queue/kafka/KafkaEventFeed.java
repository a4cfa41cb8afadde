package org.pramaan.queue.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditFeed;
import org.pramaan.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code queue=kafka} events (issue 15): every committed fact Pramaan records (uploads accepted and screened, review
 * resolutions, notices, case actions, escalations, appeals, bank and key changes …) is already an audit entry written
 * in the same transaction as the change, so the shared audit log is the outbox. One node at a time relays it to three
 * topics by subject:
 * <ul>
 *   <li>{@code <prefix>.media}: subjects {@code media:<id>}, keyed by media id (intake, screening results, reviews);
 *   <li>{@code <prefix>.cases}: subjects {@code case:<id>}, keyed by case id (notices, actions, clocks, appeals);
 *   <li>{@code <prefix>.audit}: every other subject, keyed by subject.
 * </ul>
 * One key's events stay in order (one partition). Delivery is at least once: a relay that dies after sending and
 * before recording its position sends again, so consumers deduplicate by {@code seq}, which is unique and increasing
 * across all three topics; {@code hash} and {@code prevHash} let them check an event against the audit chain.
 */
public final class KafkaEventFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventFeed.class);
    /** The relay's position in the store (one feed for all three topics). */
    public static final String FEED = "kafka-events";

    /**
     * @param bootstrap   the brokers
     * @param prefix      the topics' common prefix ({@code queue.kafka.events-prefix})
     * @param partitions  partitions when a topic is created here
     * @param replication replication factor when a topic is created here
     * @param relayEvery  how often the relay looks for new entries when it found none
     */
    public record Settings(String bootstrap, String prefix, int partitions, short replication, Duration relayEvery) {
        public Settings {
            Objects.requireNonNull(bootstrap, "bootstrap");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(relayEvery, "relayEvery");
        }

        public String media() {
            return prefix + ".media";
        }

        public String cases() {
            return prefix + ".cases";
        }

        public String audit() {
            return prefix + ".audit";
        }
    }

    private final Settings settings;
    private final AuditFeed feed;
    private final KafkaProducer<String, String> producer;
    private final Thread relay;
    private final AtomicLong relayed = new AtomicLong();
    private volatile boolean closed;

    private KafkaEventFeed(Settings settings, AuditFeed feed) {
        this.settings = settings;
        this.feed = feed;
        this.producer = new KafkaProducer<>(KafkaTopics.producerProps(settings.bootstrap()));
        this.relay = Thread.ofPlatform().name("audit-event-relay").daemon().unstarted(this::relayLoop);
    }

    /** Checks the brokers answer, creates the three topics where missing, and starts relaying. */
    public static KafkaEventFeed start(Settings settings, AuditFeed feed, Duration timeout) throws IOException {
        List<NewTopic> topics = new ArrayList<>();
        for (String t : List.of(settings.media(), settings.cases(), settings.audit()))
            topics.add(new NewTopic(t, settings.partitions(), settings.replication()));
        KafkaTopics.ensure(settings.bootstrap(), topics, timeout);
        KafkaEventFeed f = new KafkaEventFeed(settings, feed);
        f.relay.start();
        return f;
    }

    /** The topic and key of an entry: by subject kind, keyed by the id after the colon. */
    static Map.Entry<String, String> route(Settings s, String subject) {
        int colon = subject.indexOf(':');
        String kind = colon < 0 ? "" : subject.substring(0, colon);
        String id = colon < 0 ? subject : subject.substring(colon + 1);
        return switch (kind) {
            case "media" -> Map.entry(s.media(), id);
            case "case" -> Map.entry(s.cases(), id);
            default -> Map.entry(s.audit(), subject);
        };
    }

    /** The event's JSON: the entry as the chain holds it, details as JSON rather than a string. */
    static String value(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at().toString());
        m.put("type", e.type());
        m.put("subject", e.subject());
        JsonNode details;
        try {
            details = Json.mapper().readTree(e.details());
        } catch (IOException | RuntimeException x) {
            details = Json.mapper().getNodeFactory().textNode(e.details());
        }
        m.put("details", details);
        m.put("prevHash", e.prevHash());
        m.put("hash", e.hash());
        return Json.write(m);
    }

    private void relayLoop() {
        KafkaTopics.relayLoop(
                () -> feed.relay(FEED, 500, this::publish),
                () -> closed,
                settings.relayEvery(),
                relayed,
                LOG,
                "audit event relay");
    }

    /** Sends a batch and waits until the brokers have it: only then does the relay move its position. */
    void publish(List<AuditEntry> entries) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            Map.Entry<String, String> to = route(settings, e.subject());
            sent.add(producer.send(new ProducerRecord<>(to.getKey(), to.getValue(), value(e))));
        }
        producer.flush();
        for (Future<RecordMetadata> f : sent) f.get(30, TimeUnit.SECONDS);
    }

    /** Entries this node's relay has published. */
    public long relayed() {
        return relayed.get();
    }

    @Override
    public void close() {
        closed = true;
        relay.interrupt();
        try {
            relay.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
