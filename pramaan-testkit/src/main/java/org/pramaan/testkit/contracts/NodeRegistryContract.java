package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.nodes.NodeInfo;
import org.pramaan.nodes.NodeRegistry;

/** Contract for {@link NodeRegistry} adapters (issue 15): ids held by one incarnation at a time, compare-and-set. */
public abstract class NodeRegistryContract {
    @TempDir
    protected Path dir;

    /** A registry on a fresh store. */
    protected abstract NodeRegistry createRegistry(Path dir);

    static NodeInfo node(String id, String incarnation, int second) {
        return new NodeInfo(
                id,
                "host-" + id,
                "/var/lib/pramaan/" + id,
                incarnation,
                Samples.T0.plusSeconds(second),
                Samples.T0.plusSeconds(second));
    }

    @Test
    void registersAnUnheldIdOnceAndStoresEveryField() {
        NodeRegistry r = createRegistry(dir);
        NodeInfo a = node("node-a", "inc1", 0);
        assertThat(r.find("node-a")).isEmpty();
        assertThat(r.register(a, Optional.empty())).isTrue();
        assertThat(r.find("node-a")).contains(a);
        // A second process asking for the held id without naming its holder loses, and changes nothing.
        assertThat(r.register(node("node-a", "inc2", 5), Optional.empty())).isFalse();
        assertThat(r.register(node("node-a", "inc2", 5), Optional.of("other"))).isFalse();
        assertThat(r.find("node-a")).contains(a);
    }

    @Test
    void replacesOnlyTheNamedIncarnation() {
        NodeRegistry r = createRegistry(dir);
        r.register(node("node-a", "inc1", 0), Optional.empty());
        NodeInfo b = node("node-a", "inc2", 9);
        assertThat(r.register(b, Optional.of("inc1"))).isTrue();
        assertThat(r.find("node-a")).contains(b);
        // The replaced process's heartbeat and leave no longer touch the id.
        assertThat(r.heartbeat("node-a", "inc1", Samples.T0.plusSeconds(20))).isFalse();
        r.leave("node-a", "inc1");
        assertThat(r.find("node-a")).contains(b);
    }

    @Test
    void heartbeatsMoveOnlyTheHeartbeat() {
        NodeRegistry r = createRegistry(dir);
        NodeInfo a = node("node-a", "inc1", 0);
        r.register(a, Optional.empty());
        assertThat(r.heartbeat("node-a", "inc1", Samples.T0.plusSeconds(7))).isTrue();
        assertThat(r.find("node-a"))
                .contains(
                        new NodeInfo("node-a", a.host(), a.dataDir(), "inc1", a.started(), Samples.T0.plusSeconds(7)));
        assertThat(r.heartbeat("node-x", "inc1", Samples.T0)).isFalse();
    }

    @Test
    void leaveFreesTheIdAndAllListsById() {
        NodeRegistry r = createRegistry(dir);
        r.register(node("node-b", "i", 0), Optional.empty());
        r.register(node("node-a", "j", 0), Optional.empty());
        assertThat(r.all()).extracting(NodeInfo::id).containsExactly("node-a", "node-b");
        r.leave("node-b", "i");
        assertThat(r.find("node-b")).isEmpty();
        assertThat(r.all()).extracting(NodeInfo::id).containsExactly("node-a");
        assertThat(r.register(node("node-b", "k", 3), Optional.empty())).isTrue();
    }
}
