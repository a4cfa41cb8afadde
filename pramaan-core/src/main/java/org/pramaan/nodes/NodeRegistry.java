package org.pramaan.nodes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the nodes sharing one store. Writes are compare-and-set on the incarnation, so two processes
 * racing for one id cannot both win. Every adapter passes {@code NodeRegistryContract} in the testkit.
 * Calls run outside any unit of work (a heartbeat must not wait behind a use case).
 */
public interface NodeRegistry {
    Optional<NodeInfo> find(String id);

    /**
     * Stores {@code node} under its id when no row holds that id, or when the row's incarnation is
     * {@code replacing} (a dead or departed holder the caller has judged replaceable).
     *
     * @return whether it was stored (false: another process holds or took the id)
     */
    boolean register(NodeInfo node, Optional<String> replacing);

    /** Moves the heartbeat of {@code id} held by {@code incarnation}; false when that incarnation no longer holds it. */
    boolean heartbeat(String id, String incarnation, Instant now);

    /** Removes {@code id} if {@code incarnation} still holds it. */
    void leave(String id, String incarnation);

    /** Every registered node, live or not, by id. */
    List<NodeInfo> all();
}
