package org.pramaan.testkit.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A real Kafka broker: kafka_2.13 4.4.0 in KRaft combined mode (one process is broker and
 * controller, no ZooKeeper), in a child JVM on free loopback ports, its log under {@code dir}
 * (dependencies.md, experiment 9). The storage is formatted once ({@code StorageTool format
 * --standalone}); {@link #kill()} and {@link #restart()} crash and bring back the same broker with its
 * data, for the "nothing lost when a node dies" tests. Start one per test class: it takes 5-20 s.
 */
public final class KafkaBroker implements AutoCloseable {
    /** The system property naming the class-path file (pramaan-testserver-kafka/target/classpath.txt). */
    public static final String CLASSPATH_PROPERTY = "pramaan.kafka.classpath";

    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private final List<Path> jars;
    private final Path dir;
    private final Path config;
    private final int port;
    private ChildJvm jvm;
    private int starts;

    private KafkaBroker(List<Path> jars, Path dir, Path config, int port) {
        this.jars = jars;
        this.dir = dir;
        this.config = config;
        this.port = port;
    }

    /** Formats a new single-node cluster under {@code dir} and starts it, or skips the test when its jars are absent (not under CI). */
    public static KafkaBroker start(Path dir) throws IOException, InterruptedException {
        List<Path> jars = ServerJars.require(CLASSPATH_PROPERTY, "Kafka broker");
        Files.createDirectories(dir);
        int port = ChildJvm.freePort();
        int controller = ChildJvm.freePort();
        Path config = dir.resolve("server.properties");
        Files.writeString(config, properties(port, controller, dir.resolve("kraft-logs")), StandardCharsets.UTF_8);
        ChildJvm.run(
                jars,
                "kafka.tools.StorageTool",
                List.of("format", "-t", clusterId(), "-c", config.toString(), "--standalone"),
                dir.resolve("format.log"),
                START_LIMIT);
        KafkaBroker broker = new KafkaBroker(jars, dir, config, port);
        broker.launch();
        return broker;
    }

    /**
     * KRaft combined mode on loopback. Replication factors are 1 (one broker) and the first consumer
     * group rebalance is not delayed, so tests see their records at once.
     */
    static String properties(int port, int controller, Path logDir) {
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controller,
                "log.dirs=" + logDir,
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (as {@code StorageTool random-uuid} prints).
     * One id in 64 would start with '-', which the tool's argument parser reads as an option ("--cluster-id: expected
     * one argument"); Kafka's own {@code Uuid.randomUuid()} redraws such ids for the same reason, and so do we.
     */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] b = new byte[16];
        String id;
        do {
            random.nextBytes(b);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        } while (id.startsWith("-"));
        return id;
    }

    private void launch() throws IOException, InterruptedException {
        starts++;
        jvm = ChildJvm.start(
                "Kafka broker",
                jars,
                List.of("-Xmx512m", "-Xms128m", "-XX:TieredStopAtLevel=1"),
                "kafka.Kafka",
                List.of(config.toString()),
                dir.resolve("broker-" + starts + ".log"));
        try {
            jvm.awaitPort(port, START_LIMIT);
        } catch (RuntimeException | InterruptedException e) {
            jvm.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** SIGKILL: the broker dies as in a crash, with no controlled shutdown. */
    public void kill() throws InterruptedException {
        jvm.killNow();
    }

    /** Starts the same broker again on the same ports and data (after {@link #kill()} or {@link #close()}). */
    public void restart() throws IOException, InterruptedException {
        if (jvm.isAlive()) jvm.close();
        launch();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
