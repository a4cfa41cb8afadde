package org.pramaan.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The reference-peer harness itself: missing tools, overrunning calls, recovery. */
class C2paPeerTest {
    @Test
    void aMissingNodeSkipsLocallyAndFailsInCi() {
        boolean ci = "true".equals(System.getenv("CI"));
        assertThatThrownBy(() -> C2paPeerInstall.requireTool("pramaan-no-such-node-7f3a"))
                .isInstanceOf(ci ? AssertionError.class : TestAbortedException.class)
                .hasMessageContaining("needs Node.js 20+ and npm");
    }

    @Test
    void anOverrunningCallIsKilledWithAClearErrorAndTheNextCallGetsAFreshPeer() {
        try (C2paPeer peer = C2paPeer.start()) {
            assertThatThrownBy(() -> peer.sleep(5_000, Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("did not answer 'sleep 5000 ms' within 300 ms; killed it");
            peer.sleep(1, Duration.ofSeconds(30));
            assertThat(peer.read(java.nio.file.Path.of("pom.xml"))).isInstanceOf(C2paPeer.Result.Rejected.class);
        }
    }
}
