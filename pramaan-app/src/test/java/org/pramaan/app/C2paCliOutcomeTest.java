package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.cli.PramaanCli;

/** Issue 18: exit codes and JSON of {@code c2pa verify}/{@code read} for cut stores and remote references. */
class C2paCliOutcomeTest {
    @TempDir
    Path dir;

    record Run(int exit, String out) {}

    private Run pramaan(String... args) {
        PramaanConfig config = ServerTestBase.config(dir.resolve("data"), Map.of());
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PramaanCli.run(
                () -> new EmbeddedRuntime(config, Clock.systemUTC(), System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args);
        return new Run(code, out.toString());
    }

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

    @ParameterizedTest
    @ValueSource(strings = {"verify", "read"})
    void pngWithItsCaBxCutShortExitsOneWithAssetInvalid(String command) throws Exception {
        byte[] png = Files.readAllBytes(c2pa().resolve("reference-signed/libpng-test.signed.png"));
        int cabx = new String(png, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("caBX");
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(png, cabx + 500));
        Run r = pramaan("c2pa", command, cut.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("\"error_name\" : \"asset.invalid\"").contains("invalid PNG structure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "read"})
    void remoteReferenceExitsOneNamingTheUrl(String command) throws Exception {
        Run r = pramaan("c2pa", command, c2pa().resolve("fixtures/cloud.jpg").toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out())
                .contains("\"outcome\" : \"remote_manifest\"")
                .contains("\"url\" : \"https://cai-manifests.adobe.com/manifests/"
                        + "adobe-urn-uuid-5f37e182-3687-462e-a7fb-573462780391\"")
                .contains("\"fetched\" : false")
                .contains("\"error_name\" : \"manifest.remote\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify"})
    void noManifestStillExitsThree(String command) throws Exception {
        Run r = pramaan(
                "c2pa", command, c2pa().resolve("fixtures/no_manifest.jpg").toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(3);
        assertThat(r.out()).contains("\"outcome\" : \"no_manifest\"");
    }
}
