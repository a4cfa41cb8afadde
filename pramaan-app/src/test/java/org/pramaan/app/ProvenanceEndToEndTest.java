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

    /** Issue 18: a JPEG whose APP11 store is cut short was no_manifest; it is an error like WebP's. */
    @Test
    void jpegWithItsStoreCutShortIsAnInvalidAsset() throws Exception {
        byte[] jpg = Files.readAllBytes(c2pa().resolve("fixtures/C.jpg"));
        int app11 = 2;
        while (!((jpg[app11] & 0xFF) == 0xFF && (jpg[app11 + 1] & 0xFF) == 0xEB))
            app11 += 2 + (((jpg[app11 + 2] & 0xFF) << 8) | (jpg[app11 + 3] & 0xFF));
        ApiClient.Response r =
                api.postBytes("/v1/provenance/verify", ingest, java.util.Arrays.copyOf(jpg, app11 + 2000));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("outcome").asText()).as(r.raw()).isEqualTo("error");
        assertThat(r.json().path("error_name").asText()).isEqualTo("asset.invalid");
        assertThat(r.json().path("error").asText()).contains("invalid JPEG structure");
    }

    /** Issue 18: a remote-only reference names its URL, as the reference's RemoteManifestUrl error; not fetched. */
    @Test
    void remoteManifestIsReportedWithItsUrl() throws Exception {
        byte[] png = Files.readAllBytes(c2pa().resolve("fixtures/libpng-test_with_url.png"));
        ApiClient.Response r = api.postBytes("/v1/provenance/verify", ingest, png);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("outcome").asText()).isEqualTo("remote_manifest");
        assertThat(r.json().path("url").asText()).isEqualTo("http://localhost:5000/libpng-test.c2pa");
        assertThat(r.json().path("fetched").asBoolean(true)).isFalse();
        assertThat(r.json().path("error_name").asText()).isEqualTo("manifest.remote");
        assertThat(r.json().path("error").asText())
                .isEqualTo("must fetch remote manifests from url http://localhost:5000/libpng-test.c2pa");
    }
}
