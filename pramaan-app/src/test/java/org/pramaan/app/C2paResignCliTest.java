package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;
import org.pramaan.testkit.TestImages;

/**
 * Issue 18 through the CLI: {@code c2pa sign} of a signed file keeps its manifest as the parent unless
 * {@code --replace}; {@code metadata write} into a signed file warns on stderr that the signature will no
 * longer validate, and {@code --resign} re-signs with the configured key so that it does. (The reference
 * SDK judges the same files alike: C2paResignInteropTest, C2paMetadataResignInteropTest in pramaan-core.)
 */
class C2paResignCliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run pramaan(Map<String, String> env, String... args) {
        PramaanConfig config = ServerTestBase.config(dir.resolve("data"), env);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PramaanCli.run(
                () -> new EmbeddedRuntime(config, Clock.systemUTC(), System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Path certs() {
        Path p = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa/certs");
        if (!Files.isDirectory(p)) {
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError("reference data missing in CI: " + p.toAbsolutePath());
            Assumptions.abort("reference data not found at " + p.toAbsolutePath());
        }
        return p;
    }

    private static Map<String, String> signingKey(Path c) {
        return Map.of(
                "PRAMAAN_C2PA_SIGNING_KEY", c.resolve("es256.pem").toString(),
                "PRAMAAN_C2PA_SIGNING_CHAIN", c.resolve("es256.pub").toString(),
                "PRAMAAN_C2PA_TRUST_ANCHORS",
                        c.resolve("trust/test_cert_root_bundle.pem").toString(),
                "PRAMAAN_C2PA_TRUST_CONFIG", c.resolve("trust/store.cfg").toString());
    }

    private Path signed(Path c, String name) throws Exception {
        Path in = Files.write(dir.resolve("in-" + name), TestImages.jpeg(TestImages.photo(48, 32, 5), 0.9f));
        Path out = dir.resolve(name);
        Run r = pramaan(
                Map.of(),
                "c2pa",
                "sign",
                "--key",
                c.resolve("es256.pem").toString(),
                "--chain",
                c.resolve("es256.pub").toString(),
                "--source-type",
                "trainedAlgorithmicMedia",
                in.toString(),
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return out;
    }

    private Run verify(Path c, Path file) {
        return pramaan(
                Map.of(),
                "c2pa",
                "verify",
                "--trust",
                c.resolve("trust/test_cert_root_bundle.pem").toString(),
                "--trust-config",
                c.resolve("trust/store.cfg").toString(),
                file.toString());
    }

    @Test
    void signingASignedFileKeepsItsManifestUnlessReplace() throws Exception {
        Path c = certs();
        Path first = signed(c, "first.jpg");
        String parent = verify(c, first).out().replaceAll("(?s).*\"active_manifest\" : \"([^\"]+)\".*", "$1");
        assertThat(parent).startsWith("urn:c2pa:");
        String[] sign = {
            "c2pa",
            "sign",
            "--key",
            c.resolve("es256.pem").toString(),
            "--chain",
            c.resolve("es256.pub").toString(),
            "--source-type",
            "trainedAlgorithmicMedia"
        };

        Path kept = dir.resolve("kept.jpg");
        assertThat(pramaan(Map.of(), concat(sign, first.toString(), kept.toString()))
                        .exit())
                .isZero();
        Run k = verify(c, kept);
        assertThat(k.exit()).as(k.out()).isZero();
        assertThat(k.out())
                .contains("\"validation_state\" : \"Trusted\"")
                .contains(parent)
                .contains("parentOf");

        Path replaced = dir.resolve("replaced.jpg");
        assertThat(pramaan(Map.of(), concat(sign, "--replace", first.toString(), replaced.toString()))
                        .exit())
                .isZero();
        Run r = verify(c, replaced);
        assertThat(r.out()).contains("\"validation_state\" : \"Trusted\"").doesNotContain(parent);
    }

    @Test
    void metadataWriteIntoASignedFileWarnsAndResignRestoresTheSignature() throws Exception {
        Path c = certs();
        Path in = signed(c, "signed.jpg");
        Path plain = dir.resolve("labelled.jpg");
        Run w = writeLabels(Map.of(), false, in.toString(), plain.toString());
        assertThat(w.exit()).as(w.err()).isZero();
        assertThat(w.err())
                .contains("warning: " + in)
                .contains("C2PA manifest")
                .contains("will no longer validate")
                .contains("--resign");
        assertThat(verify(c, plain).out()).contains("assertion.dataHash.mismatch");

        Path resigned = dir.resolve("resigned.jpg");
        Run rs = writeLabels(signingKey(c), true, in.toString(), resigned.toString());
        assertThat(rs.exit()).as(rs.err()).isZero();
        assertThat(rs.err()).doesNotContain("warning");
        Run v = verify(c, resigned);
        assertThat(v.exit()).as(v.out()).isZero();
        assertThat(v.out())
                .contains("\"validation_state\" : \"Trusted\"")
                .contains("c2pa.edited")
                .contains("parentOf")
                .doesNotContain("mismatch");
        assertThat(pramaan(Map.of(), "metadata", "read", resigned.toString()).out())
                .contains("AIGC");
    }

    @Test
    void resignWithoutAKeyOrWithoutAManifestIsRefused() throws Exception {
        Path c = certs();
        Path in = signed(c, "signed.jpg");
        Run noKey =
                writeLabels(Map.of(), true, in.toString(), dir.resolve("x.jpg").toString());
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("c2pa.signing-key");
        assertThat(dir.resolve("x.jpg")).doesNotExist();

        Path unsigned = Files.write(dir.resolve("plain.jpg"), TestImages.jpeg(TestImages.photo(48, 32, 6), 0.9f));
        Run none = writeLabels(
                signingKey(c), true, unsigned.toString(), dir.resolve("y.jpg").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("carries no C2PA manifest");
        Run quiet = writeLabels(
                Map.of(), false, unsigned.toString(), dir.resolve("z.jpg").toString());
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.err()).doesNotContain("warning");
    }

    /**
     * Issue 14: {@code label apply} on a signed MP4 (before: the label burned in, the manifest silently dropped)
     * re-signs it with the configured key, the input's manifest as the parent, written in place (IN is OUT);
     * without a key it warns that the labelled file no longer matches the manifest.
     */
    @Test
    void labelApplyOnASignedMp4ReSignsItOrWarnsWithoutAKey() throws Exception {
        Path c = certs();
        Path raw = dir.resolve("raw.mp4");
        TestMedia.x264Mp4(raw);
        Path video = dir.resolve("video.mp4");
        Run s = pramaan(
                Map.of(),
                "c2pa",
                "sign",
                "--key",
                c.resolve("es256.pem").toString(),
                "--chain",
                c.resolve("es256.pub").toString(),
                "--source-type",
                "trainedAlgorithmicMedia",
                raw.toString(),
                video.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        Path copy = Files.copy(video, dir.resolve("copy.mp4"));
        String parent = verify(c, video).out().replaceAll("(?s).*\"active_manifest\" : \"([^\"]+)\".*", "$1");

        Run l = pramaan(signingKey(c), "label", "apply", "--profile", "CN", video.toString(), video.toString());
        assertThat(l.exit()).as(l.err()).isZero();
        assertThat(l.out()).contains("labelled MP4 for CN").contains("C2PA re-signed");
        Run v = verify(c, video);
        assertThat(v.exit()).as(v.out()).isZero();
        assertThat(v.out())
                .contains("\"validation_state\" : \"Trusted\"")
                .contains(parent)
                .contains("c2pa.opened")
                .contains("c2pa.edited")
                .contains("Pramaan visible AI label")
                .doesNotContain("mismatch");

        Path out = dir.resolve("nokey.mp4");
        Run n = pramaan(Map.of(), "label", "apply", "--profile", "CN", copy.toString(), out.toString());
        assertThat(n.exit()).as(n.err()).isZero();
        assertThat(n.err()).contains("warning: " + copy).contains("no longer matches it");
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.startsWith(".pramaan-"));
        }
    }

    /** {@code metadata write} of one AIGC label (GB 45438) from {@code in} to {@code out}, optionally {@code --resign}. */
    private Run writeLabels(Map<String, String> env, boolean resign, String in, String out) {
        List<String> args = new java.util.ArrayList<>(
                List.of("metadata", "write", "--aigc-label", "1", "--producer", "P", "--produce-id", "7"));
        if (resign) args.add("--resign");
        args.add(in);
        args.add(out);
        return pramaan(env, args.toArray(String[]::new));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
