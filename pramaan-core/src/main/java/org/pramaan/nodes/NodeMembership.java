package org.pramaan.nodes;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;

/**
 * This process's place among the nodes of one store: it joins under its node id at start, beats while
 * it runs and leaves on a clean stop. A node is live while its last heartbeat is younger than
 * {@code liveFor}; a live holder keeps its id from every other process, unless that holder ran on the
 * same host from the same data directory (the caller holds that directory's lock, so the holder is dead:
 * a SIGKILLed node restarts at once instead of waiting for its old heartbeat to age).
 */
public final class NodeMembership {
    /** Node ids name a node in logs, leases and audit entries: short and plain. */
    public static final int MAX_ID = 64;

    private final NodeRegistry registry;
    private final Clock clock;
    private final Duration liveFor;
    private final NodeInfo self;

    public NodeMembership(
            NodeRegistry registry, Clock clock, Duration liveFor, String id, String host, String dataDir) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.liveFor = Objects.requireNonNull(liveFor, "liveFor");
        checkId(id);
        byte[] b = new byte[8];
        new java.security.SecureRandom().nextBytes(b);
        this.self = new NodeInfo(id, host, dataDir, HexFormat.of().formatHex(b), clock.instant(), clock.instant());
    }

    /** Refuses ids that are empty, longer than {@link #MAX_ID}, or hold anything but letters, digits, '.', '_', '-'. */
    public static void checkId(String id) {
        boolean ok = !id.isEmpty() && id.length() <= MAX_ID;
        for (int i = 0; ok && i < id.length(); i++) {
            char c = id.charAt(i);
            ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
        }
        if (!ok)
            throw new Invalid(
                    "node.id",
                    "node.id must be 1.." + MAX_ID + " letters, digits, '.', '_' or '-' (got " + id.length()
                            + " characters)");
    }

    public NodeInfo self() {
        return self;
    }

    public Duration liveFor() {
        return liveFor;
    }

    /**
     * Registers this process under its id.
     *
     * @throws Conflict {@code node.id_taken} naming the live holder's host, data directory and last heartbeat
     */
    public void join() {
        Optional<NodeInfo> held = registry.find(self.id());
        if (held.isPresent() && held.get().liveAt(clock.instant(), liveFor) && !sameHome(held.get()))
            throw taken(held.get());
        if (!registry.register(self, held.map(NodeInfo::incarnation)))
            throw taken(registry.find(self.id()).orElse(self)); // another process won the race for the id
    }

    private boolean sameHome(NodeInfo other) {
        return other.host().equals(self.host()) && other.dataDir().equals(self.dataDir());
    }

    private Conflict taken(NodeInfo holder) {
        return new Conflict(
                "node.id_taken",
                "node.id '" + self.id() + "' is held by a live node on host " + holder.host() + " (data dir "
                        + holder.dataDir() + ", started " + holder.started() + ", last heartbeat " + holder.heartbeat()
                        + "); give this node another node.id, or stop that one (its id frees " + liveFor
                        + " after its last heartbeat)");
    }

    /** One heartbeat; false when another process has taken this id (this node must stop claiming work). */
    public boolean beat() {
        return registry.heartbeat(self.id(), self.incarnation(), clock.instant());
    }

    /** Nodes whose heartbeat is younger than {@code liveFor}, by id. */
    public List<NodeInfo> live() {
        var now = clock.instant();
        return registry.all().stream().filter(n -> n.liveAt(now, liveFor)).toList();
    }

    /** Gives the id up (a clean stop); a node killed without leaving frees it after {@code liveFor}. */
    public void leave() {
        registry.leave(self.id(), self.incarnation());
    }
}
