package org.pramaan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testkit.FakeClock;

/** {@code pramaan c2pa verify|read} over many files and folders: one JSON line per file, one exit code for all. */
class C2paManyFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Certificates are judged at this instant in every run, so the single-file and the folder runs agree. */
    private static final String NOW = "2026-12-01T00:00:00Z";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<JsonNode> lines() throws IOException {
            List<JsonNode> l = new ArrayList<>();
            for (String line : out.split("\n", -1)) if (!line.isEmpty()) l.add(JSON.readTree(line));
            return l;
        }
    }

    static Run pramaan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PramaanCli.run(
                () -> new ClockOnlyRuntime(FakeClock.at(NOW)), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** ../shared/testdata/c2pa through -Dpramaan.testdata: skipped when absent, failed under CI=true (rule 8). */
    static Path c2pa() {
        Path p = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                .resolve("c2pa")
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(p)) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("reference data missing in CI: " + p);
            Assumptions.abort("reference data not found at " + p + " (set -Dpramaan.testdata=PATH)");
        }
        return p;
    }

    private static ObjectNode withoutBatchFields(JsonNode line) {
        ObjectNode copy = ((ObjectNode) line).deepCopy();
        copy.remove("file");
        copy.remove("skipped");
        return copy;
    }

    private void folderMatchesSingleFileRuns(String... command) throws IOException {
        Path fixtures = c2pa().resolve("fixtures");
        List<Path> files;
        try (Stream<Path> s = Files.list(fixtures)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> args = new ArrayList<>(List.of(command));
        args.add(fixtures.toString());
        Run many = pramaan(args.toArray(String[]::new));
        List<JsonNode> lines = many.lines();
        assertThat(many.out()).as("every line ends in a newline").endsWith("\n");
        assertThat(lines).as("one line per file, in sorted order").hasSize(files.size());
        int expectedExit = 0;
        int counted = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            JsonNode line = lines.get(i);
            assertThat(line.path("file").asText()).isEqualTo(f.toString());
            assertThat(line.fieldNames().next()).as("file comes first").isEqualTo("file");
            List<String> one = new ArrayList<>(List.of(command));
            one.add(f.toString());
            Run single = pramaan(one.toArray(String[]::new));
            assertThat(withoutBatchFields(line))
                    .as("line of %s equals its one-file output", f.getFileName())
                    .isEqualTo(JSON.readTree(single.out()));
            boolean notC2pa = "asset.unsupported".equals(line.path("error_name").asText());
            assertThat(line.path("skipped").asBoolean())
                    .as("%s: skipped exactly when its format carries no C2PA", f.getFileName())
                    .isEqualTo(notC2pa);
            if (!notC2pa) {
                expectedExit = C2paCommand.Base.worse(expectedExit, single.exit());
                counted++;
            }
        }
        assertThat(counted)
                .as("the fixtures hold C2PA files, not only reference JSON")
                .isGreaterThan(20);
        assertThat(many.exit()).as(many.err()).isEqualTo(expectedExit);
    }

    @Test
    void verifyOverTheFixturesFolderPrintsEachFilesOneFileResultAsALine() throws IOException {
        Path trust = c2pa().resolve("certs/trust");
        folderMatchesSingleFileRuns(
                "c2pa",
                "verify",
                "--trust",
                trust.resolve("test_cert_root_bundle.pem").toString(),
                "--trust-config",
                trust.resolve("store.cfg").toString());
    }

    @Test
    void readOverTheFixturesFolderPrintsEachFilesOneFileResultAsALine() throws IOException {
        folderMatchesSingleFileRuns("c2pa", "read");
    }

    @Test
    void oneFileKeepsItsPrettyPrintedOutputWithoutAFileField() throws IOException {
        Path c = c2pa().resolve("fixtures/C.jpg");
        Run r = pramaan("c2pa", "verify", c.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).startsWith("{\n  \"active_manifest\" : ").endsWith("}\n");
        assertThat(JSON.readTree(r.out()).has("file")).isFalse();
        Run none = pramaan(
                "c2pa", "verify", c2pa().resolve("fixtures/no_manifest.jpg").toString());
        assertThat(none.out()).isEqualTo("{\n  \"outcome\" : \"no_manifest\",\n  \"format\" : \"image/jpeg\"\n}\n");
        assertThat(none.exit()).isEqualTo(3);
        Run missing = pramaan("c2pa", "verify", dir.resolve("missing.jpg").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("no such file: ");
    }

    private Path copy(String fixture, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(c2pa().resolve("fixtures").resolve(fixture), to);
    }

    @Test
    void exitCodeIsZeroWhenAllVerifyThreeWhenSomeHaveNoManifestOneWhenAnyFails() throws IOException {
        Path ok = copy("C.jpg", dir.resolve("ok/a.jpg"));
        copy("CA.jpg", dir.resolve("ok/b.jpg"));
        // Not C2PA and found in a folder: printed, skipped, no effect on the exit code.
        Files.writeString(dir.resolve("ok/README.md"), "notes");
        Run allOk = pramaan("c2pa", "verify", dir.resolve("ok").toString());
        assertThat(allOk.exit()).as(allOk.out()).isZero();
        assertThat(allOk.lines()).hasSize(3);
        assertThat(allOk.lines().get(0).path("file").asText()).endsWith("README.md");
        assertThat(allOk.lines().get(0).path("skipped").asBoolean()).isTrue();

        Path none = copy("no_manifest.jpg", dir.resolve("none.jpg"));
        Run someNone = pramaan("c2pa", "verify", dir.resolve("ok").toString(), none.toString());
        assertThat(someNone.exit()).as(someNone.out()).isEqualTo(3);
        assertThat(someNone.lines().get(3).path("outcome").asText()).isEqualTo("no_manifest");

        Path bad = copy("XCA.jpg", dir.resolve("bad.jpg"));
        Run oneFails = pramaan("c2pa", "verify", bad.toString(), none.toString(), ok.toString());
        assertThat(oneFails.exit()).as(oneFails.out()).isEqualTo(1);
        assertThat(oneFails.lines())
                .extracting(l -> l.path("file").asText())
                .as("named files keep the order they were given in")
                .containsExactly(bad.toString(), none.toString(), ok.toString());
        assertThat(oneFails.lines().get(0).path("validation_state").asText()).isEqualTo("Invalid");

        // read fails only on what it cannot read: a file without a manifest is still a successful read.
        assertThat(pramaan("c2pa", "read", bad.toString(), none.toString()).exit())
                .isZero();
        // A file named on the command line counts even when it is not C2PA.
        Run named = pramaan(
                "c2pa", "verify", ok.toString(), dir.resolve("ok/README.md").toString());
        assertThat(named.exit()).isEqualTo(1);
        assertThat(named.lines().get(1).has("skipped")).isFalse();
    }

    /** A path this process cannot open: a mode-000 file, or for root (who ignores modes) a write-only sysfs file. */
    private Path unreadable(Path at) throws IOException {
        Files.writeString(at, "secret");
        Files.setPosixFilePermissions(at, PosixFilePermissions.fromString("---------"));
        if (!opens(at)) return at;
        Files.delete(at);
        Path writeOnly = Path.of("/sys/bus/pci/rescan");
        Assumptions.assumeTrue(Files.isRegularFile(writeOnly) && !opens(writeOnly), "no unreadable file available");
        return Files.createSymbolicLink(at, writeOnly);
    }

    private static boolean opens(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            in.read();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void anUnreadableFileInTheMiddleGetsItsOwnErrorLineAndTheRunGoesOn() throws IOException {
        Path folder = dir.resolve("in");
        copy("C.jpg", folder.resolve("a.jpg"));
        Path locked = unreadable(folder.resolve("b.jpg"));
        copy("no_manifest.jpg", folder.resolve("c.jpg"));
        Path missing = dir.resolve("gone.jpg");
        Run r = pramaan("c2pa", "verify", folder.toString(), missing.toString());
        List<JsonNode> lines = r.lines();
        assertThat(lines)
                .extracting(l -> l.path("file").asText())
                .containsExactly(
                        folder.resolve("a.jpg").toString(),
                        locked.toString(),
                        folder.resolve("c.jpg").toString(),
                        missing.toString());
        assertThat(lines.get(0).path("validation_state").asText())
                .as("no trust anchors given")
                .isEqualTo("Valid");
        assertThat(lines.get(1).path("outcome").asText()).isEqualTo("error");
        assertThat(lines.get(1).path("error_name").asText()).isEqualTo("file.unreadable");
        assertThat(lines.get(1).path("error").asText()).contains(locked.toString());
        assertThat(lines.get(2).path("outcome").asText())
                .as("the file after the unreadable one was still read")
                .isEqualTo("no_manifest");
        assertThat(lines.get(3).path("error_name").asText()).isEqualTo("file.not_found");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).as("nothing escaped as an exception").isEmpty();
    }

    @Test
    void aSymlinkLoopInsideAFolderIsNotFollowed() throws IOException {
        Path folder = dir.resolve("loop");
        Path a = copy("C.jpg", folder.resolve("a.jpg"));
        Files.createSymbolicLink(folder.resolve("again"), folder);
        Files.createSymbolicLink(folder.resolve("sub-link.jpg"), a);
        Run r = pramaan("c2pa", "read", folder.toString());
        assertThat(r.lines())
                .extracting(l -> l.path("file").asText())
                .as("the loop is not walked; a link to a file is read like the file")
                .containsExactly(a.toString(), folder.resolve("sub-link.jpg").toString());
        assertThat(withoutBatchFields(r.lines().get(1)))
                .isEqualTo(withoutBatchFields(r.lines().get(0)));
        assertThat(r.exit()).isZero();
    }

    @Test
    void helpStatesTheOutputShapeAndTheExitRuleOverManyFiles() {
        Run verify = pramaan("c2pa", "verify", "--help");
        assertThat(verify.out().replaceAll("\\s+", " "))
                .contains("PATH...")
                .contains("JSON Lines")
                .contains("\"file\"")
                .contains(
                        "Exit over many files: 1 when any failed, could not be read or only referenced a remote manifest; else 3 when any had no manifest");
        Run read = pramaan("c2pa", "read", "--help");
        assertThat(read.out().replaceAll("\\s+", " ")).contains("PATH...").contains("JSON Lines");
    }

    @Test
    void assetNamesOneSidecarSoItIsRefusedWithSeveralFiles() throws IOException {
        Path a = copy("C.jpg", dir.resolve("a.jpg"));
        Run r = pramaan("c2pa", "verify", "--asset", a.toString(), a.toString(), a.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--asset").contains("exactly one FILE");
        assertThat(r.out()).isEmpty();
    }
}
