package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pramaan.testing.Mutations;
import org.pramaan.testing.TinyMedia;

/** Corrupt inputs either sign (and then read back) or fail with an IllegalArgumentException naming the problem; nothing else escapes. */
class C2paSignerRobustnessTest {
    @Test
    void corruptContainersGiveClearErrors() throws Exception {
        C2paSigner signer = SigningFixtures.signer(SigningAlgorithm.ES256);
        ManifestRequest req = ManifestRequest.created("trainedAlgorithmicMedia", "fuzz");
        int signed = 0, refused = 0;
        for (byte[] good : List.of(
                TinyMedia.jpeg(),
                TinyMedia.png(),
                TinyMedia.webp(),
                TinyMedia.wav(),
                TinyMedia.mp3(),
                TinyMedia.mp4())) {
            Random r = new Random(good.length);
            for (int i = 0; i < 60; i++) {
                byte[] bad = Mutations.structural(good, r);
                try {
                    C2paSigner.Signed s = signer.sign(bad, req, C2paSigner.Placement.EMBEDDED);
                    assertThat(new C2paReader(TrustSettings.none(java.time.Clock.systemUTC()))
                                    .read(org.pramaan.media.MediaSource.of(s.asset())))
                            .isInstanceOf(C2paOutcome.Read.class);
                    signed++;
                } catch (IllegalArgumentException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    refused++;
                } catch (RuntimeException | java.io.IOException e) {
                    fail("mutation " + i + " of a " + good.length + "-byte input escaped as " + e, e);
                }
            }
        }
        assertThat(signed).isPositive();
        assertThat(refused).isPositive();
    }
}
