package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaSource;
import org.pramaan.testing.SharedTestData;

/** {@code assertion.dataHash.additionalExclusionsPresent}: judged from the assertion, as the reference does. */
class DataHashCheckTest {
    private static ObjectNode dataHash(int exclusions) {
        ObjectNode a = new ObjectMapper().createObjectNode();
        var list = a.putArray("exclusions");
        for (int i = 0; i < exclusions; i++)
            list.addObject().put("start", 100 * i + 10).put("length", 20);
        return a;
    }

    @Test
    void moreThanOneLocalExclusionIsAdditional() {
        assertThat(DataHashCheck.additionalExclusions(dataHash(0))).isFalse();
        assertThat(DataHashCheck.additionalExclusions(dataHash(1))).isFalse();
        assertThat(DataHashCheck.additionalExclusions(dataHash(2))).isTrue();
        assertThat(DataHashCheck.additionalExclusions(dataHash(2).put("url", "https://example.org/asset")))
                .as("remote hash")
                .isFalse();
        assertThat(DataHashCheck.additionalExclusions(new ObjectMapper().createObjectNode()))
                .isFalse();
    }

    /** Was missed for sidecars, whose asset holds no store to compare the exclusions with (live interop suite, TIFF). */
    @Test
    void aSidecarStoreOfATiffReportsItsAdditionalExclusionsLikeTheEmbeddedCopy() throws Exception {
        Path root = SharedTestData.folder("c2pa/reference-signed");
        C2paReader reader = new C2paReader(TrustSettings.none(C2paConformanceTest.WHEN_REFERENCE_RAN));
        C2paOutcome sidecar = reader.readStore(
                Files.readAllBytes(root.resolve("manifests/test.signed.tiff.c2pa")),
                Optional.of(MediaSource.of(Files.readAllBytes(root.resolve("test.signed.tiff")))));
        C2paOutcome embedded = reader.read(root.resolve("test.signed.tiff"));
        for (C2paOutcome o : java.util.List.of(sidecar, embedded)) {
            ValidationResults r = ((C2paOutcome.Read) o).report().active();
            assertThat(ValidationResults.codes(r.informational()))
                    .contains("assertion.dataHash.additionalExclusionsPresent");
            assertThat(ValidationResults.codes(r.success())).contains("assertion.dataHash.match");
        }
    }
}
