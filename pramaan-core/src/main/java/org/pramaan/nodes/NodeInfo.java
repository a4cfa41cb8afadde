package org.pramaan.nodes;

import java.time.Instant;
import java.util.Objects;

/**
 * One node as registered.
 *
 * @param id          the configured node id (stable across restarts of the same node)
 * @param host        the host name it runs on
 * @param dataDir     its local data directory (absolute), where it holds the node lock file
 * @param incarnation random per process start: tells a restarted node from the process it replaced
 * @param started     when this incarnation joined
 * @param heartbeat   its last heartbeat
 */
public record NodeInfo(String id, String host, String dataDir, String incarnation, Instant started, Instant heartbeat) {
    public NodeInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(incarnation, "incarnation");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(heartbeat, "heartbeat");
    }

    /** Whether its last heartbeat is no older than {@code liveFor} at {@code now}. */
    public boolean liveAt(Instant now, java.time.Duration liveFor) {
        return !heartbeat.isBefore(now.minus(liveFor));
    }
}
