package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.pramaan.testkit.TestImages;

/** {@code POST /v1/provenance/verify} answers in the reference SDK's manifest-store shape. */
class ProvenanceEndToEndTest extends ServerTestBase {
    private static Path c2pa() {
        Path p = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa");
        if (!Files.isDirectory(p)) {
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError("reference data missing in CI: " + p.toAbsolutePath());
            Assumptions.abort("reference data not found at " + p.toAbsolutePath());
        }
        return p;
    }

    @Test
    void signedFileGivesTheStoreWithItsValidationState() throws Exception {
        byte[] mp4 = Files.readAllBytes(c2pa().resolve("reference-signed/video1_no_manifest.signed.mp4"));
        ApiClient.Response r = api.postBytes("/v1/provenance/verify", ingest, mp4);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("validation_state").asText()).isEqualTo("Valid");
        String active = r.json().path("active_manifest").asText();
        assertThat(r.json().path("manifests").path(active).path("claim_version").asInt())
                .isEqualTo(2);
        assertThat(r.json()
                        .path("validation_results")
                        .path("activeManifest")
                        .path("failure")
                        .get(0)
                        .path("code")
                        .asText())
                .isEqualTo("signingCredential.untrusted");
    }

    @Test
    void fileWithoutCredentialsSaysSoAndNeedsAKey() throws Exception {
        ApiClient.Response none =
                api.postBytes("/v1/provenance/verify", ingest, TestImages.jpeg(TestImages.photo(64, 48, 3), 0.9f));
        assertThat(none.status()).as(none.raw()).isEqualTo(200);
        assertThat(none.json().path("outcome").asText()).isEqualTo("no_manifest");
        assertThat(api.postBytes("/v1/provenance/verify", null, new byte[] {1, 2, 3})
                        .status())
                .isEqualTo(401);
    }
}
