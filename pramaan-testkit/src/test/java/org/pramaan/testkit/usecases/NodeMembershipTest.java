package org.pramaan.testkit.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.nodes.NodeInfo;
import org.pramaan.nodes.NodeMembership;
import org.pramaan.nodes.NodeRegistry;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.memory.MemoryStore;

/** Issue 15: a node id is held by one live process; a dead holder frees it, a restart in the same home takes it. */
class NodeMembershipTest {
    static final Duration LIVE = Duration.ofSeconds(15);
    final FakeClock clock = FakeClock.at("2026-06-01T00:00:00Z");
    final NodeRegistry registry = MemoryStore.create().nodes();

    NodeMembership node(String id, String host, String dir) {
        return new NodeMembership(registry, clock, LIVE, id, host, dir);
    }

    @Test
    void aLiveHolderKeepsItsIdFromAnotherHostUntilItsHeartbeatAges() {
        NodeMembership a = node("node-1", "host-a", "/srv/a");
        a.join();
        clock.advance(Duration.ofSeconds(10));
        assertThat(a.beat()).isTrue();
        NodeMembership b = node("node-1", "host-b", "/srv/b");
        assertThatThrownBy(b::join)
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("node.id 'node-1'")
                .hasMessageContaining("host-a")
                .hasMessageContaining("/srv/a")
                .satisfies(e -> assertThat(((Conflict) e).code()).isEqualTo("node.id_taken"));
        clock.advance(LIVE); // exactly LIVE after the last beat: still live
        assertThatThrownBy(b::join).isInstanceOf(Conflict.class);
        clock.advance(Duration.ofMillis(1)); // a stopped beating (SIGKILL): its id frees
        b.join();
        assertThat(registry.find("node-1").map(NodeInfo::host)).contains("host-b");
        assertThat(a.beat()).as("the replaced process learns it lost the id").isFalse();
        assertThat(b.beat()).isTrue();
    }

    @Test
    void aRestartInTheSameHostAndDataDirectoryTakesItsIdAtOnce() {
        NodeMembership before = node("node-1", "host-a", "/srv/a");
        before.join();
        NodeMembership after = node("node-1", "host-a", "/srv/a"); // its data-dir lock proves the old one is gone
        after.join();
        assertThat(registry.find("node-1").map(NodeInfo::incarnation))
                .contains(after.self().incarnation());
        assertThat(before.beat()).isFalse();
        NodeMembership sameHostOtherDir = node("node-1", "host-a", "/srv/other");
        assertThatThrownBy(sameHostOtherDir::join).isInstanceOf(Conflict.class);
    }

    @Test
    void liveListsOnlyFreshNodesAndLeaveFreesTheId() {
        NodeMembership a = node("node-a", "h", "/a");
        NodeMembership b = node("node-b", "h", "/b");
        a.join();
        b.join();
        clock.advance(Duration.ofSeconds(10));
        a.beat();
        clock.advance(Duration.ofSeconds(10));
        assertThat(a.live()).extracting(NodeInfo::id).containsExactly("node-a");
        a.leave();
        assertThat(registry.find("node-a")).isEmpty();
        node("node-a", "elsewhere", "/x").join();
    }

    @Test
    void hostileIdsAreRefusedNamingTheKey() {
        for (String bad : new String[] {"", "a b", "x".repeat(65), "node/1", "nöde", "a\nb"})
            assertThatThrownBy(() -> node(bad, "h", "/d"))
                    .isInstanceOf(Invalid.class)
                    .hasMessageContaining("node.id");
        assertThat(node("x".repeat(64), "h", "/d").self().id()).hasSize(64);
    }
}
