package org.pramaan.testkit.memory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.nodes.NodeInfo;
import org.pramaan.nodes.NodeRegistry;

final class MemoryNodeRegistry implements NodeRegistry {
    private final MemoryStore store;

    MemoryNodeRegistry(MemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<NodeInfo> find(String id) {
        return store.locked(t -> Optional.ofNullable(t.nodes.get(id)));
    }

    @Override
    public boolean register(NodeInfo node, Optional<String> replacing) {
        Objects.requireNonNull(node, "node");
        return store.locked(t -> {
            NodeInfo held = t.nodes.get(node.id());
            if (held != null && !replacing.equals(Optional.of(held.incarnation()))) return false;
            t.nodes.put(node.id(), node);
            return true;
        });
    }

    @Override
    public boolean heartbeat(String id, String incarnation, Instant now) {
        return store.locked(t -> {
            NodeInfo held = t.nodes.get(id);
            if (held == null || !held.incarnation().equals(incarnation)) return false;
            t.nodes.put(id, new NodeInfo(held.id(), held.host(), held.dataDir(), incarnation, held.started(), now));
            return true;
        });
    }

    @Override
    public void leave(String id, String incarnation) {
        store.locked(t -> t.nodes.computeIfPresent(id, (k, n) -> n.incarnation().equals(incarnation) ? null : n));
    }

    @Override
    public List<NodeInfo> all() {
        return store.locked(t -> List.copyOf(t.nodes.values()));
    }
}
