package org.pramaan.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.pramaan.adapters.Adapters;
import org.pramaan.nodes.NodeInfo;
import org.pramaan.nodes.NodeMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as a node of its store (issue 15): the embedded store's data-directory lock, extended to a store
 * several nodes share. At start it locks {@code <data.dir>/node.lock} (a shared store has no directory lock of its
 * own; the embedded store's {@code pramaan.lock} already does this) and joins under {@code node.id}, refusing to start
 * while another live node holds that id; then it beats every {@code node.heartbeat-interval} on a thread of its own
 * and leaves on a clean stop. A node that finds its id taken over (it stalled past {@code node.live-for}) says so in
 * its log and fails {@code /readyz}.
 */
final class NodeIdentity implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeIdentity.class);
    static final String LOCK_FILE = "node.lock";

    private final NodeMembership membership;
    private final PramaanConfig.Node settings;
    private final Optional<FileChannel> lockFile;
    private final ScheduledExecutorService beats;
    /** Why the last heartbeat failed; null after one that succeeded. */
    private final AtomicReference<String> failing = new AtomicReference<>();

    private final AtomicReference<String> lost = new AtomicReference<>();

    private NodeIdentity(NodeMembership membership, PramaanConfig.Node settings, Optional<FileChannel> lockFile) {
        this.membership = membership;
        this.settings = settings;
        this.lockFile = lockFile;
        this.beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pramaan-node-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Locks the data directory (shared stores) and joins.
     *
     * @throws org.pramaan.errors.Conflict {@code node.id_taken} naming the live holder
     */
    static NodeIdentity join(PramaanConfig.Storage storage, Adapters store, Clock clock) throws IOException {
        Path dir = Files.createDirectories(storage.dataDir()).toAbsolutePath().normalize();
        Optional<FileChannel> lock =
                storage.store().equals(EmbeddedAdaptersProvider.NAME) ? Optional.empty() : lock(dir);
        NodeMembership m;
        try {
            m = new NodeMembership(
                    store.nodes(),
                    clock,
                    storage.node().liveFor(),
                    storage.node().id(),
                    host(),
                    dir.toString());
            m.join();
        } catch (RuntimeException e) {
            if (lock.isPresent()) lock.get().close();
            throw e;
        }
        NodeIdentity n = new NodeIdentity(m, storage.node(), lock);
        long every = storage.node().heartbeat().toMillis();
        n.beats.scheduleWithFixedDelay(n::beat, every, every, TimeUnit.MILLISECONDS);
        LOG.info("joined as node {} on {} ({})", m.self().id(), m.self().host(), dir);
        return n;
    }

    private static Optional<FileChannel> lock(Path dir) throws IOException {
        FileChannel ch = FileChannel.open(
                dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return Optional.of(ch); // this JVM holds it already (two servers in one test JVM)
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            ch.close();
            throw new IllegalStateException("data.dir " + dir + " is in use by another process (" + LOCK_FILE
                    + " is locked); each node needs a data directory of its own");
        }
        return Optional.of(ch); // the OS drops the lock when the process ends, however it ends
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private void beat() {
        try {
            if (membership.beat()) {
                failing.set(null);
            } else if (lost.getAndSet("node.id '" + membership.self().id() + "' was taken over by another process")
                    == null)
                LOG.error(
                        "node {} lost its id: another process took it over",
                        membership.self().id());
        } catch (RuntimeException e) {
            failing.set("the last heartbeat failed: " + e.getMessage());
            LOG.warn("node heartbeat failed; will retry", e);
        }
    }

    NodeInfo self() {
        return membership.self();
    }

    /** Nodes whose heartbeat is younger than {@code node.live-for}, by id. */
    List<NodeInfo> live() {
        return membership.live();
    }

    /** For {@code /readyz}: empty while this node holds its id with a recent heartbeat. */
    Optional<String> problem() {
        // Not measured on the clock: a clock moved forward (a test's, or NTP's step) is no missed heartbeat.
        String l = lost.get();
        if (l != null) return Optional.of(l);
        return Optional.ofNullable(failing.get())
                .map(f -> f + " (other nodes count this one as dead " + settings.liveFor() + " after its last one)");
    }

    @Override
    public void close() {
        beats.shutdownNow();
        try {
            membership.leave();
        } catch (RuntimeException e) {
            LOG.warn("could not leave the node registry; the id frees after node.live-for", e);
        }
        if (lockFile.isPresent()) {
            try {
                lockFile.get().close();
            } catch (IOException e) {
                LOG.warn("could not release {}", LOCK_FILE, e);
            }
        }
    }
}
