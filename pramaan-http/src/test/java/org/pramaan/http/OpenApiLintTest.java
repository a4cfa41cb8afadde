package org.pramaan.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.json.Json;

/**
 * The served {@code openapi.json} lints clean (0 errors) under Redocly CLI's recommended rules, the
 * way API tooling and client generators will read it. Redocly is installed from npm, pinned, into a
 * cache outside the checkout ({@code ~/.cache/pramaan-test/redocly}, or {@code -Dpramaan.redoclyDir}),
 * once per machine, as the C2PA interop suite installs its reference SDK. Without node/npm the test
 * is skipped with a message, except under {@code CI=true}, where it fails.
 */
class OpenApiLintTest {
    static final String PACKAGE = "@redocly/cli";
    static final String VERSION = "2.77.0";
    private static final long NPM_TIMEOUT_S = 300;

    @TempDir
    Path dir;

    record Run(int exit, String output) {}

    private static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static void requireTool(String tool) {
        boolean present;
        try {
            Process p = new ProcessBuilder(tool, "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        String message = "'" + tool
                + "' not found: the OpenAPI lint needs Node.js 20.19+ and npm (apt-get install -y nodejs npm)";
        if (ci()) assertThat(present).as(message + " (CI=true: required)").isTrue();
        assumeTrue(present, message);
    }

    private static Run run(List<String> cmd, Path cwd, Path log, long timeoutS) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // No usage telemetry or update checks from a test run.
        pb.environment().put("REDOCLY_TELEMETRY", "off");
        pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process p = pb.start();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in " + timeoutS + " s; log: " + log);
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** @return the redocly executable, installed once under a lock (two forks or builds may start at once) */
    static Path redocly() throws Exception {
        requireTool("node");
        requireTool("npm");
        Path home = Path.of(System.getProperty(
                "pramaan.redoclyDir",
                Path.of(System.getProperty("user.home"), ".cache", "pramaan-test", "redocly")
                        .toString()));
        Path installDir = Files.createDirectories(home.resolve(VERSION)).toAbsolutePath();
        Path bin = installDir.resolve("node_modules/.bin/redocly");
        try (FileChannel ch = FileChannel.open(
                        installDir.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = ch.lock()) {
            if (!installed(installDir)) {
                Files.writeString(
                        installDir.resolve("package.json"), "{\"name\":\"pramaan-openapi-lint\",\"private\":true}\n");
                List<String> cmd = List.of(
                        "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", PACKAGE + "@" + VERSION);
                Run r = run(cmd, installDir, installDir.resolve("npm-install.log"), NPM_TIMEOUT_S);
                if (r.exit() != 0 || !installed(installDir)) {
                    throw new AssertionError("npm install of " + PACKAGE + "@" + VERSION + " failed (exit " + r.exit()
                            + ") in " + installDir + "; run it there by hand: " + String.join(" ", cmd) + "\n"
                            + r.output());
                }
            }
        }
        return bin;
    }

    private static boolean installed(Path dir) throws IOException {
        Path pkg = dir.resolve("node_modules/@redocly/cli/package.json");
        return Files.isRegularFile(pkg)
                && Files.isExecutable(dir.resolve("node_modules/.bin/redocly"))
                && VERSION.equals(
                        Json.mapper().readTree(pkg.toFile()).path("version").asText());
    }

    private Run lint(Path bin, byte[] document, String name) throws Exception {
        Path file = Files.write(dir.resolve(name), document);
        List<String> cmd = new ArrayList<>(List.of(bin.toString(), "lint", file.toString(), "--format=stylish"));
        return run(cmd, dir, dir.resolve(name + ".log"), 180);
    }

    @Test
    void theServedDocumentHasNoLintErrors() throws Exception {
        Path bin = redocly();
        Run r = lint(bin, HttpApiTestSupport.resource("/openapi.json"), "openapi.json");
        assertThat(r.exit()).as("redocly lint openapi.json:\n" + r.output()).isZero();
        assertThat(r.output()).doesNotContain("error ");
    }

    /** The harness can fail: a public route that lost its {@code security: []} is an error (security-defined). */
    @Test
    void theLintCatchesAnUndocumentedSecurityRequirement() throws Exception {
        Path bin = redocly();
        JsonNode spec = Json.mapper().readTree(HttpApiTestSupport.resource("/openapi.json"));
        ((ObjectNode) spec).remove("security");
        ((ObjectNode) spec.path("paths").path("/healthz").path("get")).remove("security");
        Run r = lint(bin, Json.mapper().writeValueAsBytes(spec), "broken.json");
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("security-defined");
    }
}
