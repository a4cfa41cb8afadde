package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.json.Json;
import org.pramaan.testkit.TestAudio;
import org.pramaan.testkit.TestImages;

/** The packaged CLI run as a separate process, the way a user runs it. */
class CliProcessIT {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<JsonNode> jsonLines() throws IOException {
            List<JsonNode> l = new ArrayList<>();
            for (String line : out.split("\n"))
                if (!line.isBlank()) l.add(Json.mapper().readTree(line));
            return l;
        }
    }

    Run pramaan(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("pramaan.jar")));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of());
    }

    Run run(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("PRAMAAN_DATA_DIR", dir.resolve("data").toString());
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void scanJsonReportsEveryFileAndExitsOneWhenAnyFailed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("inbox/nested"));
        Files.write(dir.resolve("inbox/ai.jpg"), TestMedia.aiJpeg(11));
        Files.write(folder.resolve("camera.jpg"), TestMedia.cameraJpeg(12));
        Files.write(folder.resolve("notes.txt"), "not media".getBytes());
        Run r = pramaan("scan", "--json", "inbox", "missing.png");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        List<JsonNode> lines = r.jsonLines();
        assertThat(lines).hasSize(4);
        JsonNode ai = lines.stream()
                .filter(l -> l.path("path").asText().endsWith("ai.jpg"))
                .findFirst()
                .orElseThrow();
        assertThat(ai.path("sha256").asText()).hasSize(64);
        assertThat(ai.path("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(ai.path("hashes").path("pdq").path("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(ai.path("hashes").path("pdq").path("quality").asInt()).isBetween(50, 100);
        assertThat(ai.path("signals").isArray()).isTrue();
        assertThat(ai.path("assessment").path("tier").asText()).isEqualTo("CONFIRMED_SYNTHETIC");
        assertThat(ai.path("assessment").path("reasons").size()).isPositive();
        JsonNode camera = lines.stream()
                .filter(l -> l.path("path").asText().endsWith("camera.jpg"))
                .findFirst()
                .orElseThrow();
        assertThat(camera.path("assessment").path("tier").asText()).isEqualTo("NO_EVIDENCE");
        JsonNode text = lines.stream()
                .filter(l -> l.path("path").asText().endsWith("notes.txt"))
                .findFirst()
                .orElseThrow();
        assertThat(text.path("skipped").path("code").asText())
                .as("not media: skipped, not failed")
                .isEqualTo("media.unknown_type");
        assertThat(text.path("skipped").path("message").asText()).isNotBlank();
        JsonNode missing = lines.stream()
                .filter(l -> l.path("path").asText().endsWith("missing.png"))
                .findFirst()
                .orElseThrow();
        assertThat(missing.path("error").path("code").asText()).isEqualTo("file.not_found");
        assertThat(Files.exists(dir.resolve("data")))
                .as("scan creates no data directory")
                .isFalse();
    }

    @Test
    void c2paManifestsGiveTheirTiersThroughScanAndVerify() throws Exception {
        Path c2pa = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa")
                .toAbsolutePath();
        if (!Files.isDirectory(c2pa)) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("reference data missing in CI: " + c2pa);
            org.junit.jupiter.api.Assumptions.abort("reference data not found at " + c2pa);
        }
        Run scan = pramaan(
                "scan",
                "--json",
                c2pa.resolve("real-ai/Firefly_tabby_cat.jpg").toString(),
                c2pa.resolve("real-ai/ChatGPT_Image.png").toString(),
                c2pa.resolve("reference-signed/video1_no_manifest.signed.mp4").toString());
        List<JsonNode> lines = scan.jsonLines();
        assertThat(lines).hasSize(3);
        // Firefly (store over two APP11 segments): valid manifest, trainedAlgorithmicMedia -> confirmed.
        assertThat(lines.get(0).path("assessment").path("tier").asText()).isEqualTo("CONFIRMED_SYNTHETIC");
        // ChatGPT: signature and bindings intact, signing credential expired, no timestamp -> suspected only.
        assertThat(lines.get(1).path("assessment").path("tier").asText()).isEqualTo("SUSPECTED_SYNTHETIC");
        assertThat(lines.get(2).path("assessment").path("tier").asText()).isEqualTo("CONFIRMED_SYNTHETIC");
        Run verify = pramaan(
                "c2pa",
                "verify",
                "--trust",
                c2pa.resolve("certs/trust/test_cert_root_bundle.pem").toString(),
                "--trust-config",
                c2pa.resolve("certs/trust/store.cfg").toString(),
                c2pa.resolve("reference-signed/video1_no_manifest.signed.mp4").toString());
        assertThat(verify.exit()).as(verify.err()).isZero();
        JsonNode store = Json.mapper().readTree(verify.out());
        assertThat(store.path("validation_state").asText()).isEqualTo("Trusted");
        assertThat(store.path("manifests")
                        .path(store.path("active_manifest").asText())
                        .path("signature_info")
                        .path("alg")
                        .asText())
                .isEqualTo("Es512");
        Run chatGpt = pramaan(
                "c2pa", "verify", c2pa.resolve("real-ai/ChatGPT_Image.png").toString());
        assertThat(chatGpt.exit()).isEqualTo(1);
        assertThat(chatGpt.out()).contains("signingCredential.expired");
    }

    @Test
    void c2paVerifyOverAFolderPrintsEachFilesOneFileResultAsAJsonLine() throws Exception {
        Path fixtures = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa/fixtures")
                .toAbsolutePath();
        if (!Files.isDirectory(fixtures)) {
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError("reference data missing in CI: " + fixtures);
            org.junit.jupiter.api.Assumptions.abort("reference data not found at " + fixtures);
        }
        Path folder = Files.createDirectories(dir.resolve("c2pa-in"));
        Files.copy(fixtures.resolve("C.jpg"), folder.resolve("a.jpg"));
        Files.copy(fixtures.resolve("no_manifest.jpg"), folder.resolve("b.jpg"));
        Files.writeString(folder.resolve("notes.txt"), "not C2PA");
        Run many = pramaan("c2pa", "verify", "c2pa-in");
        assertThat(many.exit())
                .as("one file without a manifest, none failed: " + many.err())
                .isEqualTo(3);
        List<JsonNode> lines = many.jsonLines();
        assertThat(lines)
                .extracting(l -> l.path("file").asText())
                .containsExactly(
                        Path.of("c2pa-in", "a.jpg").toString(),
                        Path.of("c2pa-in", "b.jpg").toString(),
                        Path.of("c2pa-in", "notes.txt").toString());
        for (int i = 0; i < 2; i++) {
            Run one = pramaan("c2pa", "verify", lines.get(i).path("file").asText());
            com.fasterxml.jackson.databind.node.ObjectNode line =
                    ((com.fasterxml.jackson.databind.node.ObjectNode) lines.get(i)).deepCopy();
            line.remove("file");
            assertThat(line).isEqualTo(Json.mapper().readTree(one.out()));
        }
        assertThat(lines.get(2).path("skipped").asBoolean()).isTrue();
        Files.copy(fixtures.resolve("XCA.jpg"), dir.resolve("bad.jpg"));
        Run withBad = pramaan("c2pa", "verify", "c2pa-in", "bad.jpg");
        assertThat(withBad.exit()).as("an Invalid file fails the run").isEqualTo(1);
        assertThat(withBad.jsonLines().get(3).path("validation_state").asText()).isEqualTo("Invalid");
    }

    @Test
    void benchPdqPrintsATable() throws Exception {
        Path imgs = Files.createDirectories(dir.resolve("imgs"));
        Files.write(imgs.resolve("a.jpg"), TestImages.jpeg(TestImages.photo(300, 200, 16), 0.9f));
        Files.write(imgs.resolve("b.png"), TestImages.png(TestImages.photo(120, 90, 17)));
        Files.writeString(imgs.resolve("notes.txt"), "skipped");
        Run r = pramaan("bench", "pdq", "imgs", "--warmup", "0", "--rounds", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("images/s").contains("cores");
        assertThat(r.out().lines().filter(l -> l.startsWith("2 ")).findFirst())
                .as(r.out())
                .isPresent();
    }

    @Test
    void benchMatchChecksRecallAgainstBruteForce() throws Exception {
        Run r = pramaan(
                "bench",
                "match",
                "--hashes",
                "20000,40000",
                "--queries",
                "2000",
                "--sample",
                "40",
                "--extrapolate",
                "1000000");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("| queries/s |")
                .contains("| p99 ms |")
                .contains("| bytes/hash (arrays) |")
                .contains("| brute force queries/s |")
                .contains("found");
        assertThat(r.out())
                .as(r.out())
                .containsPattern(
                        "\\| recall vs brute force \\| 100\\.00% \\([1-9]\\d* of \\d+ hits on 40 queries; 0 extra\\) \\| 100\\.00% ");
        assertThat(r.out())
                .as(r.out())
                .contains("| hashes | 20,000 | 40,000 | 1,000,000 (extrapolated, not measured) |")
                .containsPattern("fixed \\+ per-hash through 20,000 and 40,000|proportional to N from one run");
    }

    @Test
    void benchNoticesPrintsThroughputAndLatency() throws Exception {
        Run r = pramaan("bench", "notices", "--count", "300");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("notices/s")
                .contains("p99 ms")
                .contains("clock check ms")
                .contains("open cases       600");
        assertThat(Files.exists(dir.resolve("data")))
                .as("the benchmark uses a scratch store")
                .isFalse();
    }

    @Test
    void hashPdqPrintsReferenceFormat() throws Exception {
        Files.write(dir.resolve("a.png"), TestImages.png(TestImages.photo(200, 150, 13)));
        Run r = pramaan("hash", "pdq", "a.png");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().trim()).matches("[0-9a-f]{64},\\d{1,3},a\\.png");
    }

    @Test
    void hashVpdqPrintsOneLinePerSampledFrame() throws Exception {
        try (var w = org.pramaan.ffmpeg.VideoWriter.open(
                dir.resolve("v.mp4"), org.pramaan.ffmpeg.VideoWriter.Format.MPEG4_MP4, 96, 64, 10, 4)) {
            for (int i = 0; i < 30; i++) w.write(TestImages.photo(96, 64, 100 + i / 5));
        }
        Run r = pramaan("hash", "vpdq", "v.mp4");
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().trim().split("\n");
        assertThat(lines).hasSize(3).allMatch(l -> l.matches("\\d+,\\d+\\.\\d{3},\\d{1,3},[0-9a-f]{64}"));
        assertThat(lines)
                .extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
                .containsExactly("0,0.000", "10,1.000", "20,2.000");
        Run every = pramaan("hash", "vpdq", "--every-frame", "--json", "v.mp4");
        assertThat(every.exit()).as(every.err()).isZero();
        JsonNode v = every.jsonLines().get(0);
        assertThat(v.path("framesDecoded").asInt()).isEqualTo(30);
        assertThat(v.path("frames")).hasSize(30);
        assertThat(v.path("frames").get(29).path("timestamp").asDouble()).isEqualTo(2.9);
        Files.write(dir.resolve("empty.mp4"), new byte[0]);
        Run bad = pramaan("hash", "vpdq", "empty.mp4");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("empty.mp4: media.empty");
    }

    @Test
    void hashAudioPrintsFingerprintsAndComparesClips() throws Exception {
        float[] song = TestAudio.chords(21, 15, 22_050);
        Files.write(dir.resolve("a.wav"), TestAudio.wav(song, 22_050));
        Files.write(dir.resolve("cut.wav"), TestAudio.wav(TestAudio.from(song, 4.0, 22_050), 22_050));
        Files.write(dir.resolve("other.wav"), TestAudio.wav(TestAudio.chords(22, 15, 22_050), 22_050));
        Files.write(dir.resolve("empty.wav"), new byte[0]);
        Run r = pramaan("hash", "audio", "a.wav", "empty.wav");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().trim()).matches("15\\.000,\\d+,a\\.wav");
        assertThat(r.err()).contains("empty.wav: media.empty");
        assertThat(pramaan("hash", "audio", "--full", "a.wav").out().trim())
                .matches("15\\.000,\\d+,[A-Za-z0-9+/=]{100,},a\\.wav");
        Run match = pramaan("hash", "audio", "--compare", "a.wav", "cut.wav");
        assertThat(match.exit()).as(match.err()).isEqualTo(3);
        assertThat(match.out())
                .containsPattern("^match offset=(3\\.9\\d|4\\.0\\d)s overlap=1\\d\\.\\d\\ds ber=0\\.[01]\\d\\d ");
        Run none = pramaan("hash", "audio", "--compare", "a.wav", "other.wav");
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).startsWith("no-match ");
    }

    @Test
    void banksAreCuratedAndMatchedFromTheCommandLine() throws Exception {
        var photo = TestImages.photo(400, 300, 14);
        Files.write(dir.resolve("known.jpg"), TestImages.jpeg(photo, 0.9f));
        Files.write(dir.resolve("copy.jpg"), TestImages.jpeg(TestImages.scale(photo, 0.8), 0.6f));
        Files.write(dir.resolve("other.png"), TestImages.png(TestImages.photo(400, 300, 15)));
        Run dih = pramaan("hash", "pdq", "--dihedral", "known.jpg");
        assertThat(dih.out().trim().split("\n"))
                .hasSize(8)
                .allMatch(l ->
                        l.matches("[0-9a-f]{64},\\d+,(orig|rot90|rot180|rot270|flipx|flipy|flipp|flipm),known\\.jpg"));
        String[] orig = dih.out().split("\n")[0].split(",");
        assertThat(pramaan("bank", "create", "known-fakes", "--kind", "known-deepfake")
                        .exit())
                .isZero();
        Files.writeString(dir.resolve("bad.csv"), orig[0] + "," + orig[1] + "\n" + orig[0] + ",high\n");
        Run bad = pramaan("bank", "import", "known-fakes", "bad.csv");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err())
                .contains("line 2")
                .contains("'high' is not a whole number")
                .contains("nothing was imported");
        Files.writeString(
                dir.resolve("good.csv"), "hash,quality,note\n" + orig[0] + "," + orig[1] + ",seen on a forum\n");
        assertThat(pramaan("bank", "import", "known-fakes", "good.csv").out()).contains("imported 1 item");
        assertThat(pramaan("bank", "list").out()).contains("known-fakes").contains("known-deepfake");
        Run match = pramaan("match", "--json", "copy.jpg", "other.png");
        assertThat(match.exit()).as(match.err()).isEqualTo(3);
        List<JsonNode> results = match.jsonLines();
        assertThat(results.get(0).path("matches").get(0).path("bank").asText()).isEqualTo("known-fakes");
        assertThat(results.get(0).path("matches").get(0).path("distance").asInt())
                .isLessThanOrEqualTo(31);
        assertThat(results.get(1).path("matches")).isEmpty();
        Run scan = pramaan("scan", "--json", "copy.jpg");
        assertThat(scan.jsonLines().get(0).path("assessment").path("tier").asText())
                .isEqualTo("CONFIRMED_SYNTHETIC");
        Run export = pramaan("bank", "export", "known-fakes", "--format", "csv");
        assertThat(export.out()).startsWith("hash,quality").contains(orig[0]).contains("seen on a forum");
    }

    @Test
    void auditVerifyNamesAnEditedEntry() throws Exception {
        Run key = pramaan("keys", "create", "--role", "reviewer", "--label", "alice");
        assertThat(key.exit()).as(key.err()).isZero();
        assertThat(key.out().trim()).startsWith("pmn_");
        pramaan("keys", "create", "--role", "ingest");
        assertThat(pramaan("keys", "create", "--role", "wizard").err()).contains("unknown role 'wizard'");
        Run ok = pramaan("audit", "verify");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("2 entries");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/pramaan.db"));
                Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_update");
            s.execute("UPDATE audit_log SET details = replace(details, 'alice', 'mallory') WHERE seq = 1");
        }
        Run bad = pramaan("audit", "verify");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("FAILED at entry 1").contains("edited");
    }

    @Test
    void helpVersionAndTheLauncherWork() throws Exception {
        assertThat(pramaan("--help").out()).contains("scan", "serve", "keys", "audit", "hash");
        assertThat(pramaan("--version").out()).startsWith("pramaan ");
        Run launcher = run(
                List.of("sh", System.getProperty("pramaan.launcher"), "--version"),
                Map.of("JAVA_HOME", System.getProperty("java.home")));
        assertThat(launcher.exit()).as(launcher.err()).isZero();
        assertThat(launcher.out()).startsWith("pramaan ");
    }

    @Test
    void casesListShowsTheQueueAndRefusesBadDurations() throws Exception {
        Run empty = pramaan("cases", "list", "--due-within", "1h");
        assertThat(empty.exit()).as(empty.err()).isZero();
        assertThat(empty.err()).contains("0 open case(s)");
        Run bad = pramaan("cases", "list", "--due-within", "soon");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'soon' is not a duration");
    }

    @Test
    void aCaseBundleIsWrittenAndVerifiedOfflineFromTheCommandLine() throws Exception {
        String caseId;
        PramaanConfig config = PramaanConfig.load(
                Map.of("PRAMAAN_DATA_DIR", dir.resolve("data").toString()), new java.util.Properties());
        try (Embedded app = new Embedded(config, java.time.Clock.systemUTC())) {
            Path f = Files.write(dir.resolve("up.png"), TestImages.png(TestImages.photo(160, 120, 18)));
            String media = app.intake()
                    .ingest(f, org.pramaan.intake.UploadContext.none())
                    .media()
                    .id();
            caseId = app.cases()
                    .openCase(new org.pramaan.cases.NoticeRequest(
                            "IN_3_2_B_COMPLAINT", media, Map.of(), java.util.Optional.empty()))
                    .id();
            app.cases()
                    .act(
                            caseId,
                            org.pramaan.cases.CaseAction.REMOVE,
                            org.pramaan.access.Actor.operator("test"),
                            "NCII");
        }
        Run written = pramaan("cases", "bundle", caseId, "--output", "case.zip");
        assertThat(written.exit()).as(written.err()).isZero();
        Run ok = pramaan("audit", "verify-bundle", "case.zip");
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("OK: bundle for case " + caseId);
        byte[] zip = Files.readAllBytes(dir.resolve("case.zip"));
        Files.write(
                dir.resolve("tampered.zip"),
                EvidenceBundleTest.edit(zip, "media.json", s -> s.replace("REMOVED", "ACTIVE")));
        Run bad = pramaan("audit", "verify-bundle", "tampered.zip");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("media.json does not match its digest");
    }

    @Test
    void badConfigurationFailsAtStartupNamingTheKey() throws Exception {
        Files.writeString(dir.resolve("bad.properties"), "http.port=eighty\n");
        Run r = run(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        System.getProperty("pramaan.jar"),
                        "serve"),
                Map.of("PRAMAAN_CONFIG", dir.resolve("bad.properties").toString()));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("http.port='eighty'")
                .contains("bad.properties")
                .contains("not a whole number");
    }

    @Test
    void servePrintsItsUrlAndAnAdminKeyThatWorks() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        System.getProperty("pramaan.jar"),
                        "serve",
                        "--port",
                        "0")
                .directory(dir.toFile());
        pb.environment().put("PRAMAAN_DATA_DIR", dir.resolve("data").toString());
        pb.redirectOutput(dir.resolve("serve.out").toFile())
                .redirectError(dir.resolve("serve.err").toFile());
        Process p = pb.start();
        try {
            String out = "";
            for (int i = 0; i < 600 && !out.contains("Press Ctrl+C"); i++) {
                Thread.sleep(100);
                out = Files.readString(dir.resolve("serve.out"));
            }
            var url = java.util.regex.Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/")
                    .matcher(out);
            var key =
                    java.util.regex.Pattern.compile("(pmn_[0-9a-f]+_[0-9a-f]+)").matcher(out);
            assertThat(url.find())
                    .as(out + Files.readString(dir.resolve("serve.err")))
                    .isTrue();
            assertThat(key.find()).as(out).isTrue();
            ApiClient api = new ApiClient(Integer.parseInt(url.group(1)));
            assertThat(api.get("/healthz", null).status()).isEqualTo(200);
            assertThat(api.get("/v1/audit/verify", key.group(1))
                            .json()
                            .path("valid")
                            .asBoolean())
                    .isTrue();
            assertThat(api.get("/openapi.json", null).json().path("paths").has("/v1/media"))
                    .isTrue();
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void c2paSignEmbedsAndSidecarsManifestsThatVerify() throws Exception {
        Path certs = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa/certs")
                .toAbsolutePath();
        if (!Files.isDirectory(certs)) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("reference data missing in CI: " + certs);
            org.junit.jupiter.api.Assumptions.abort("reference data not found at " + certs);
        }
        Files.write(dir.resolve("in.jpg"), TestImages.jpeg(TestImages.photo(40, 30, 5), 0.9f));
        String key = certs.resolve("ps256.pem").toString(),
                chain = certs.resolve("ps256.pub").toString();
        Run sign = pramaan(
                "c2pa",
                "sign",
                "--key",
                key,
                "--chain",
                chain,
                "--alg",
                "ps256",
                "--source-type",
                "trainedAlgorithmicMedia",
                "--software-agent",
                "CliGen",
                "in.jpg",
                "out.jpg");
        assertThat(sign.exit()).as(sign.err()).isZero();
        Run verify = pramaan(
                "c2pa",
                "verify",
                "--trust",
                certs.resolve("trust/test_cert_root_bundle.pem").toString(),
                "out.jpg");
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(Json.mapper().readTree(verify.out()).path("validation_state").asText())
                .isEqualTo("Trusted");
        assertThat(verify.out())
                .contains("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia")
                .contains("CliGen");

        Run side = pramaan(
                "c2pa",
                "sign",
                "--key",
                key,
                "--chain",
                chain,
                "--alg",
                "ps256",
                "--source-type",
                "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture",
                "--sidecar",
                "--ingredient",
                "out.jpg",
                "in.jpg",
                "side.jpg");
        assertThat(side.exit()).as(side.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("side.jpg"))).isEqualTo(Files.readAllBytes(dir.resolve("in.jpg")));
        Run read = pramaan("c2pa", "verify", "side.jpg");
        assertThat(Json.mapper().readTree(read.out()).path("validation_state").asText())
                .as(read.out())
                .isEqualTo("Valid");
        assertThat(read.out()).contains("ingredient.manifest.validated").contains("parentOf");

        Run bad = pramaan(
                "c2pa",
                "sign",
                "--key",
                key,
                "--chain",
                chain,
                "--alg",
                "ps256",
                "--source-type",
                "madeUp",
                "in.jpg",
                "x.jpg");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown digital source type 'madeUp'");
    }

    /** {@code pramaan metadata}: write, read back, propagate, and the labels reach {@code scan}; a real FFmpeg MP4 still decodes after writing. */
    @Test
    void metadataWriteReadPropagateAndScan() throws Exception {
        Files.write(dir.resolve("in.png"), TestImages.png(TestImages.photo(64, 48, 21)));
        Run write = pramaan(
                "metadata",
                "write",
                "--source-type",
                "trainedAlgorithmicMedia",
                "--aigc-label",
                "1",
                "--producer",
                "gen-01",
                "--produce-id",
                "id-7",
                "in.png",
                "out.png");
        assertThat(write.exit()).as(write.err()).isZero();
        Run prop = pramaan(
                "metadata", "propagate", "--propagator", "plat", "--propagate-id", "p-9", "out.png", "shared.png");
        assertThat(prop.exit()).as(prop.err()).isZero();
        Run read = pramaan("metadata", "read", "--json", "shared.png", "missing.png");
        assertThat(read.exit()).isEqualTo(1);
        JsonNode png = read.jsonLines().get(0);
        assertThat(png.path("digitalSourceType").get(0).path("value").asText())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
        JsonNode aigc = png.path("aigc").get(0).path("attributes");
        assertThat(aigc.path("Label").asText()).isEqualTo("1");
        assertThat(aigc.path("ContentProducer").asText()).isEqualTo("gen-01");
        assertThat(aigc.path("ProduceID").asText()).isEqualTo("id-7");
        assertThat(aigc.path("ContentPropagator").asText()).isEqualTo("plat");
        assertThat(read.jsonLines().get(1).path("error").path("code").asText()).isEqualTo("file.not_found");
        assertThat(pramaan("metadata", "read", "shared.png").out())
                .contains(
                        "DigitalSourceType: http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia  (AI-generated)")
                .contains("AIGC: Label=1 ContentProducer=gen-01 ProduceID=id-7");

        Files.write(dir.resolve("in.wav"), TestAudio.wav(TestAudio.chords(5, 2.0, 16000), 16000));
        assertThat(pramaan(
                                "metadata",
                                "write",
                                "--aigc-label",
                                "1",
                                "--producer",
                                "gen-01",
                                "--produce-id",
                                "a-1",
                                "in.wav",
                                "ai.wav")
                        .exit())
                .isZero();
        Run scan = pramaan("scan", "--json", "ai.wav", "in.wav");
        assertThat(scan.jsonLines().get(0).path("assessment").path("tier").asText())
                .as(scan.out())
                .isEqualTo("CONFIRMED_SYNTHETIC");
        assertThat(scan.jsonLines().get(1).path("assessment").path("tier").asText())
                .isEqualTo("NO_EVIDENCE");

        try (var w = org.pramaan.ffmpeg.VideoWriter.open(
                dir.resolve("v.mp4"), org.pramaan.ffmpeg.VideoWriter.Format.MPEG4_MP4, 96, 64, 10, 4)) {
            for (int i = 0; i < 20; i++) w.write(TestImages.photo(96, 64, 300 + i / 5));
        }
        assertThat(pramaan("metadata", "write", "--source-type", "digitalCapture", "v.mp4", "labelled.mp4")
                        .exit())
                .isZero();
        assertThat(pramaan("hash", "vpdq", "labelled.mp4").out().replace("labelled.mp4", "v.mp4"))
                .isEqualTo(pramaan("hash", "vpdq", "v.mp4").out());
        assertThat(pramaan("metadata", "read", "labelled.mp4").out()).contains("digitalCapture  (not an AI label)");

        Files.write(dir.resolve("notes.txt"), "not media".getBytes(StandardCharsets.UTF_8));
        Run bad = pramaan("metadata", "write", "--source-type", "digitalCapture", "notes.txt", "x.txt");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("not a JPEG, PNG, WebP, MP4, MP3 or WAV file");
        assertThat(pramaan(
                                "metadata",
                                "write",
                                "--aigc-label",
                                "4",
                                "--producer",
                                "g",
                                "--produce-id",
                                "i",
                                "in.png",
                                "y.png")
                        .err())
                .contains("AIGC Label must be");
        assertThat(Files.exists(dir.resolve("x.txt"))).isFalse();
    }
}
