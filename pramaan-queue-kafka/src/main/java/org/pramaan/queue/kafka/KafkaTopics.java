package org.pramaan.queue.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the feeds of {@code queue=kafka} share: reaching the brokers, creating topics, the durable producer. */
final class KafkaTopics {
    private KafkaTopics() {}

    /**
     * Checks the brokers answer and creates the topics that are missing.
     *
     * @throws IOException naming {@code queue.kafka.bootstrap} when no broker answers within {@code timeout}
     */
    static void ensure(String bootstrap, List<NewTopic> topics, Duration timeout) throws IOException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (NewTopic t : topics) {
                try {
                    admin.createTopics(List.of(t)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
        } catch (TimeoutException e) {
            throw new IOException("no Kafka broker answered at " + bootstrap + " (queue.kafka.bootstrap) within "
                    + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException(
                    "Kafka at " + bootstrap + " (queue.kafka.bootstrap) refused: "
                            + e.getCause().getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reaching Kafka at " + bootstrap, e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IOException(
                    "cannot use Kafka at " + bootstrap + " (queue.kafka.bootstrap): " + e.getMessage(), e);
        }
    }

    static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // Idempotent, all in-sync replicas: what a relay marks published is durably in the topic, once per send.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    /** One relay step: publishes what is pending and says how much. */
    @FunctionalInterface
    interface RelayStep {
        int run() throws Exception;
    }

    /**
     * Runs {@code step} until {@code closed}: again at once after a full step, after {@code idle} when there was
     * nothing, after a second when it failed (logged as {@code what}; what was not published stays pending).
     */
    static void relayLoop(
            RelayStep step,
            java.util.function.BooleanSupplier closed,
            Duration idle,
            java.util.concurrent.atomic.AtomicLong relayed,
            org.slf4j.Logger log,
            String what) {
        while (!closed.getAsBoolean()) {
            try {
                int n = step.run();
                relayed.addAndGet(n);
                if (n == 0) Thread.sleep(idle.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (closed.getAsBoolean()) return;
                log.warn("{} failed; retrying in 1 s: {}", what, e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
